using Monotone.Core;

namespace Monotone.Results;

/// <summary>
/// Compares per-layer statistics under the project's bar: counts exactly, floats
/// within a relative tolerance (or an absolute one near zero).
/// </summary>
public sealed record ResultComparison(double Relative = ResultComparison.DefaultRelative, double Absolute = ResultComparison.DefaultAbsolute)
{
    public const double DefaultRelative = 1e-9;
    public const double DefaultAbsolute = 1e-12;

    /// <summary>Whether two values agree; a non-finite value never agrees with anything (an infinite tolerance would pass all).</summary>
    public bool Close(double expected, double actual) =>
        double.IsFinite(expected) && double.IsFinite(actual)
        && (expected == actual || Math.Abs(expected - actual) <= Math.Max(Relative * Math.Abs(expected), Absolute));

    /// <summary>Every field that differs, layer by layer; empty when the two agree.</summary>
    public IReadOnlyList<LayerDifference> Compare(IReadOnlyList<LayerStats> expected, IReadOnlyList<LayerStats> actual)
    {
        var differences = new List<LayerDifference>();
        if (expected.Count != actual.Count)
        {
            differences.Add(new LayerDifference(0, "layers", expected.Count, actual.Count));
        }

        for (int l = 0; l < Math.Min(expected.Count, actual.Count); l++)
        {
            var (e, a) = (expected[l], actual[l]);
            int layer = l + 1;
            Exact(differences, layer, "layer", e.Layer, a.Layer);
            Exact(differences, layer, "combinations", e.Combinations, a.Combinations);
            Exact(differences, layer, "violations_count", e.ViolationsCount, a.ViolationsCount);
            Near(differences, layer, "total_absolute_error", e.TotalAbsoluteError, a.TotalAbsoluteError);
            Near(differences, layer, "total_relative_error", e.TotalRelativeError, a.TotalRelativeError);
            Near(differences, layer, "violation_rate", e.ViolationRate, a.ViolationRate);
            Near(differences, layer, "absolute_error", e.AbsoluteError, a.AbsoluteError);
            Near(differences, layer, "absolute_error_std", e.AbsoluteErrorStd, a.AbsoluteErrorStd);
            Near(differences, layer, "relative_error", e.RelativeError, a.RelativeError);
            Near(differences, layer, "relative_error_std", e.RelativeErrorStd, a.RelativeErrorStd);
        }

        return differences;
    }

    private static void Exact(List<LayerDifference> differences, int layer, string field, long expected, long actual)
    {
        if (expected != actual)
        {
            differences.Add(new LayerDifference(layer, field, expected, actual));
        }
    }

    private void Near(List<LayerDifference> differences, int layer, string field, double expected, double actual)
    {
        if (!Close(expected, actual))
        {
            differences.Add(new LayerDifference(layer, field, expected, actual));
        }
    }
}

/// <summary>One field of one layer that differs; layer 0 stands for the result as a whole.</summary>
public sealed record LayerDifference(int Layer, string Field, double Expected, double Actual);
