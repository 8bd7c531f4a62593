using Monotone.Engine;

namespace Monotone.Tests.Support;

/// <summary>
/// The correctness bar (DESIGN.md §1): counts equal, floats within 1e-9 relative,
/// or 1e-12 absolute near zero.
/// </summary>
public static class NotebookAgreement
{
    public const double Relative = 1e-9;
    public const double Absolute = 1e-12;

    public static bool Close(double expected, double actual) =>
        Math.Abs(expected - actual) <= Math.Max(Relative * Math.Abs(expected), Absolute);

    public static void AssertEqual(IReadOnlyList<LayerStats> expected, IReadOnlyList<LayerStats> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int l = 0; l < expected.Count; l++)
        {
            var e = expected[l];
            var a = actual[l];
            string where = $"layer {l + 1}";
            Assert.True(e.Layer == a.Layer, $"{where}: layer number {a.Layer}, expected {e.Layer}");
            Assert.True(e.Combinations == a.Combinations, $"{where}: combinations {a.Combinations}, expected {e.Combinations}");
            Assert.True(e.ViolationsCount == a.ViolationsCount, $"{where}: violations_count {a.ViolationsCount}, expected {e.ViolationsCount}");
            AssertClose(where, "total_absolute_error", e.TotalAbsoluteError, a.TotalAbsoluteError);
            AssertClose(where, "total_relative_error", e.TotalRelativeError, a.TotalRelativeError);
            AssertClose(where, "violation_rate", e.ViolationRate, a.ViolationRate);
            AssertClose(where, "absolute_error", e.AbsoluteError, a.AbsoluteError);
            AssertClose(where, "absolute_error_std", e.AbsoluteErrorStd, a.AbsoluteErrorStd);
            AssertClose(where, "relative_error", e.RelativeError, a.RelativeError);
            AssertClose(where, "relative_error_std", e.RelativeErrorStd, a.RelativeErrorStd);
        }
    }

    private static void AssertClose(string where, string field, double expected, double actual) =>
        Assert.True(Close(expected, actual), $"{where}: {field} {actual:R}, expected {expected:R}");
}
