using System.Globalization;
using Monotone.Core;

namespace Monotone.Results;

/// <summary>
/// The invariants every result file must hold before anything uses it (docs/record.md):
/// all numbers finite; layers numbered 1..L exactly once, in order, with L = input.shape[0];
/// <c>combinations</c> = n(n-1)/2 · n for the recorded n; 0 ≤ count ≤ combinations; the rate
/// within [0, 1]; errors and their standard deviations ≥ 0 (and 0 for a count ≤ 1); and the
/// derived fields equal to what <see cref="LayerStats.FromTotals"/> gives from the totals,
/// which is how every engine writes them. <see cref="ResultJson.Read"/> applies it, so every
/// reader (status, run, verify, figures, appendix, LaTeX) sees only valid results.
/// </summary>
internal static class ResultValidation
{
    /// <summary>The first broken invariant, in words; null when the result holds them all.</summary>
    public static string? Problem(MonotonicityResult result)
    {
        var shape = result.Input.Shape;
        if (shape is null || shape.Count != 4 || shape.Any(d => d < 1) || shape[2] != shape[3] || shape[0] > int.MaxValue || shape[2] > int.MaxValue)
        {
            return $"input.shape must be [L, H, n, n] of positive sizes, not [{string.Join(", ", shape ?? [])}]";
        }

        if (result.Input.Bytes < 0 || string.IsNullOrEmpty(result.Input.Fingerprint))
        {
            return "input.bytes or input.fingerprint is missing";
        }

        // What the result claims to have read and run with must be something the tool reads and runs.
        if (!Enum.GetValues<TensorDtype>().Any(d => d.TorchName() == result.Input.Dtype))
        {
            return $"input.dtype '{result.Input.Dtype}' is not a dtype the tool reads ({string.Join(", ", Enum.GetValues<TensorDtype>().Select(d => d.TorchName()))})";
        }

        if (!IsEngine(result.Tool.Engine))
        {
            return $"tool.engine '{result.Tool.Engine}' is not an engine the tool has (fast, reference, torch:<device>)";
        }

        var options = result.Options;
        if (!double.IsFinite(options.Epsilon) || !double.IsFinite(options.RelativeFloor) || options.SlopeValues is null || options.SlopeValues.Any(s => !double.IsFinite(s)))
        {
            return "options hold a value that is not a finite number";
        }

        if (options.SlopeValues.Count != shape[1])
        {
            return $"options.slope_values has {options.SlopeValues.Count} values for {shape[1]} heads";
        }

        var layers = result.Layers;
        if (layers.Count != shape[0])
        {
            return $"layers holds {layers.Count} layers, but input.shape says {shape[0]}";
        }

        long combinations = LayerStats.CombinationsFor((int)shape[2]);
        for (int l = 0; l < layers.Count; l++)
        {
            string? problem = layers[l] is { } stats ? LayerProblem(stats, l + 1, combinations) : "is null";
            if (problem is not null)
            {
                return $"layers[{l}] {problem}";
            }
        }

        return null;
    }

    // The names engines record (IMonotonicityEngine.Name): auto is never recorded, it resolves to one of these.
    private static bool IsEngine(string? engine) =>
        engine == EngineKind.Fast.Name() || engine == EngineKind.Reference.Name()
        || (engine is not null && engine.StartsWith(EngineKind.Torch.Name() + ":", StringComparison.Ordinal) && engine.Length > EngineKind.Torch.Name().Length + 1);

    private static string? LayerProblem(LayerStats s, int number, long combinations)
    {
        double[] values = [s.TotalAbsoluteError, s.TotalRelativeError, s.ViolationRate, s.AbsoluteError, s.AbsoluteErrorStd, s.RelativeError, s.RelativeErrorStd];
        if (values.Any(v => !double.IsFinite(v)))
        {
            return "holds a value that is not a finite number";
        }

        if (s.Layer != number)
        {
            return $"is layer {s.Layer}; layers must be numbered 1..L once each, in order";
        }

        if (s.Combinations != combinations)
        {
            return $"has combinations {s.Combinations}, not n(n-1)/2 * n = {combinations}";
        }

        if (s.ViolationsCount < 0 || s.ViolationsCount > combinations)
        {
            return $"has violations_count {s.ViolationsCount}, outside 0..{combinations}";
        }

        if (values.Any(v => v < 0))
        {
            return "has a negative error, rate or standard deviation";
        }

        if (s.ViolationsCount <= 1 && (s.AbsoluteErrorStd != 0 || s.RelativeErrorStd != 0))
        {
            return "has a standard deviation other than 0 for at most one violation";
        }

        var derived = LayerStats.FromTotals(s.Combinations, s.ViolationsCount, s.TotalAbsoluteError, s.TotalRelativeError, s.AbsoluteErrorStd, s.RelativeErrorStd);
        return s.ViolationRate > 1 ? $"has violation_rate {Show(s.ViolationRate)} above 1"
            : s.ViolationRate != derived.ViolationRate ? $"has violation_rate {Show(s.ViolationRate)}, but its counts give {Show(derived.ViolationRate)}"
            : s.AbsoluteError != derived.AbsoluteError ? $"has absolute_error {Show(s.AbsoluteError)}, but its totals give {Show(derived.AbsoluteError)}"
            : s.RelativeError != derived.RelativeError ? $"has relative_error {Show(s.RelativeError)}, but its totals give {Show(derived.RelativeError)}"
            : null;
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
