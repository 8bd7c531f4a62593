using Monotone.Core;

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
        return LayerLoop.Run(
            tensor.Layers,
            layer =>
            {
                CausalSoftmax.HeadMean(tensor, layer, slopes, cumulative, scratch);
                CausalSoftmax.CumulativeSum(cumulative, n);
                return PairwiseStats(cumulative, n, options.Epsilon, options.RelativeFloor);
            },
            progress,
            cancellation);
    }

    /// <summary>Step 7-8 of docs/design.md §1 on one layer's cumulative attention C (n×n).</summary>
    public static LayerStats PairwiseStats(ReadOnlySpan<double> c, int n, double epsilon, double relativeFloor)
    {
        // First pass: count and totals. Second pass: squared deviations from the
        // means, which keeps the standard deviations free of cancellation.
        var totals = new Totals();
        VisitViolations(c, n, epsilon, relativeFloor, ref totals);
        long count = totals.Count;
        double absoluteStd = 0;
        double relativeStd = 0;
        if (count > 1)
        {
            var squares = new Squares(totals.Absolute.Value / count, totals.Relative.Value / count);
            VisitViolations(c, n, epsilon, relativeFloor, ref squares);
            absoluteStd = Math.Sqrt(squares.Absolute.Value / (count - 1));
            relativeStd = Math.Sqrt(squares.Relative.Value / (count - 1));
        }

        return LayerStats.FromTotals(
            LayerStats.CombinationsFor(n), count, totals.Absolute.Value, totals.Relative.Value, absoluteStd, relativeStd);
    }

    // Every row pair i < j and every column k, exactly as the notebook compares them;
    // a struct visitor keeps the inner loop free of calls.
    private static void VisitViolations<TVisitor>(ReadOnlySpan<double> c, int n, double epsilon, double relativeFloor, ref TVisitor visitor)
        where TVisitor : struct, IViolationVisitor
    {
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
                        visitor.Add(-d, -d / (Math.Max(rowI[k], rowJ[k]) + relativeFloor));
                    }
                }
            }
        }
    }

    private interface IViolationVisitor
    {
        void Add(double absolute, double relative);
    }

    private struct Totals : IViolationVisitor
    {
        public long Count;
        public CompensatedSum Absolute;
        public CompensatedSum Relative;

        public void Add(double absolute, double relative)
        {
            Count++;
            Absolute.Add(absolute);
            Relative.Add(relative);
        }
    }

    private struct Squares(double meanAbsolute, double meanRelative) : IViolationVisitor
    {
        public CompensatedSum Absolute;
        public CompensatedSum Relative;

        public void Add(double absolute, double relative)
        {
            Absolute.Add((absolute - meanAbsolute) * (absolute - meanAbsolute));
            Relative.Add((relative - meanRelative) * (relative - meanRelative));
        }
    }
}
