using Monotone.TensorInput;

namespace Monotone.Engine;

/// <summary>
/// The notebook's algorithm, pair by pair: every row pair i &lt; j, every column k.
/// O(n³) time per layer but O(n²) memory (the notebook's tensors are O(n³)).
/// Faster engines are tested against this one.
/// </summary>
public sealed class ReferenceEngine : IMonotonicityEngine
{
    public string Name => "reference";

    public IReadOnlyList<LayerStats> Analyze(
        IAttentionSource tensor,
        AnalysisOptions options,
        IProgress<LayerProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        double[] slopes = options.SlopesFor(tensor);
        int n = tensor.SequenceLength;
        var cumulative = new double[n * n];
        var scratch = new double[n * n];
        var layers = new List<LayerStats>(tensor.Layers);
        for (int layer = 0; layer < tensor.Layers; layer++)
        {
            cancellation.ThrowIfCancellationRequested();
            CausalSoftmax.HeadMean(tensor, layer, slopes, cumulative, scratch);
            CausalSoftmax.CumulativeSum(cumulative, n);
            layers.Add(PairwiseStats(cumulative, n, options.Epsilon, options.RelativeFloor) with { Layer = layer + 1 });
            progress?.Report(new LayerProgress(layer + 1, tensor.Layers));
        }

        return layers;
    }

    /// <summary>Step 7-8 of DESIGN.md §1 on one layer's cumulative attention C (n×n).</summary>
    public static LayerStats PairwiseStats(ReadOnlySpan<double> c, int n, double epsilon, double relativeFloor)
    {
        // First pass: count and totals. Second pass: squared deviations from the
        // means, which keeps the standard deviations free of cancellation.
        long count = 0;
        var totalAbsolute = new CompensatedSum();
        var totalRelative = new CompensatedSum();
        for (int i = 0; i < n; i++)
        {
            var rowI = c.Slice(i * n, n);
            for (int j = i + 1; j < n; j++)
            {
                var rowJ = c.Slice(j * n, n);
                for (int k = 0; k < n; k++)
                {
                    double d = rowI[k] - rowJ[k];
                    if (d < -epsilon)
                    {
                        count++;
                        totalAbsolute.Add(-d);
                        totalRelative.Add(-d / (Math.Max(rowI[k], rowJ[k]) + relativeFloor));
                    }
                }
            }
        }

        double absoluteStd = 0;
        double relativeStd = 0;
        if (count > 1)
        {
            double meanAbsolute = totalAbsolute.Value / count;
            double meanRelative = totalRelative.Value / count;
            var squaresAbsolute = new CompensatedSum();
            var squaresRelative = new CompensatedSum();
            for (int i = 0; i < n; i++)
            {
                var rowI = c.Slice(i * n, n);
                for (int j = i + 1; j < n; j++)
                {
                    var rowJ = c.Slice(j * n, n);
                    for (int k = 0; k < n; k++)
                    {
                        double d = rowI[k] - rowJ[k];
                        if (d < -epsilon)
                        {
                            double a = -d - meanAbsolute;
                            double r = (-d / (Math.Max(rowI[k], rowJ[k]) + relativeFloor)) - meanRelative;
                            squaresAbsolute.Add(a * a);
                            squaresRelative.Add(r * r);
                        }
                    }
                }
            }

            absoluteStd = Math.Sqrt(squaresAbsolute.Value / (count - 1));
            relativeStd = Math.Sqrt(squaresRelative.Value / (count - 1));
        }

        return LayerStats.FromTotals(
            LayerStats.CombinationsFor(n), count, totalAbsolute.Value, totalRelative.Value, absoluteStd, relativeStd);
    }
}
