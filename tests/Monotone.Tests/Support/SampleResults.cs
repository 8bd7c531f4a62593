using Monotone.Core;
using Monotone.Figures;
using Monotone.Results;

namespace Monotone.Tests.Support;

/// <summary>
/// Results shaped like the notebook's five models (32, 70, 30, 36 and 48
/// layers), with smooth made-up statistics: enough to draw and lay out every
/// figure and table without running an analysis.
/// </summary>
public static class SampleResults
{
    public static readonly (string Label, int Layers, int Heads)[] NotebookModels =
    [
        ("mpt-7b", 32, 32), ("bloom-176b", 70, 112), ("bloom-7b", 30, 32), ("falcon-rw-7b", 36, 64), ("mpt-30b", 48, 64),
    ];

    public static IReadOnlyList<ModelSeries> Models(params int[] sequenceLengths) =>
        [.. NotebookModels.Select((m, i) => new ModelSeries(m.Label, [.. sequenceLengths.Select(n => Result(i, m.Layers, m.Heads, n))]))];

    public static MonotonicityResult Result(int model, int layers, int heads, int n, double scale = 1)
    {
        long combinations = LayerStats.CombinationsFor(n);
        var stats = new List<LayerStats>();
        for (int layer = 0; layer < layers; layer++)
        {
            double depth = layer / (double)Math.Max(layers - 1, 1);
            double rate = scale * (0.02 + (0.015 * model) + (0.05 * Math.Sin(Math.PI * depth)) + (0.01 * Math.Cos(7 * depth + model))) * (1 + (Math.Log2(n) - 8) * 0.1);
            long violations = (long)Math.Round(Math.Clamp(rate, 0, 1) * combinations);
            double absolute = 1e-4 * (1 + model + (3 * depth * depth));
            double relative = 0.01 * (2 + Math.Cos(4 * depth) + (0.3 * model));
            stats.Add(LayerStats.FromTotals(combinations, violations, absolute * violations, relative * violations, absolute * 0.4, relative * 0.3) with { Layer = layer + 1 });
        }

        return new MonotonicityResult(
            MonotonicityResult.CurrentFormat,
            new ToolProvenance("monotone", "0.1.0", 1, "reference"),
            new InputProvenance("synthetic", "synthetic", null, $"xxh128:{model:x2}{n:x8}0123456789abcdef0123456789", (long)layers * heads * n * n * 4, [layers, heads, n, n], "float32"),
            new OptionsProvenance("notebook", [.. AlibiSlopes(heads)], AnalysisOptions.NotebookEpsilon, AnalysisOptions.NotebookRelativeFloor),
            stats);
    }

    private static IEnumerable<double> AlibiSlopes(int heads) => Enumerable.Range(0, heads).Select(h => Math.Pow(2, -8.0 * (h + 1) / heads));
}
