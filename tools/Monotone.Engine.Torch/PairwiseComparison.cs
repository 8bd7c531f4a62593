using Monotone.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Monotone.Engine.Torch;

/// <summary>
/// Steps 7-8 of docs/design.md §1 as the notebook writes them: gather the rows of every pair
/// i &lt; j (<c>triu_indices(n, n, 1)</c>), <c>diff = layer_i - layer_j</c>, violations where
/// <c>diff &lt; -epsilon</c>, then counts, sums and standard deviations of the absolute and
/// relative errors. The pairs run in chunks, so memory is bounded by the chunk, not n³.
/// Where the notebook selects the violating entries (<c>diff[violating]</c>), this zeroes
/// the others instead: every tensor of a chunk then has the same size, which the allocator
/// reuses chunk after chunk, and a GPU computes the whole chunk without waiting on a count.
/// </summary>
internal static class PairwiseComparison
{
    /// <param name="cumulative">C, n×n, on the device.</param>
    /// <param name="pairs">triu_indices(n, n, 1) on the same device: row 0 holds i, row 1 holds j.</param>
    public static LayerStats Compute(Tensor cumulative, Tensor pairs, long pairsPerChunk, AnalysisOptions options, CancellationToken cancellation)
    {
        long n = cumulative.shape[0];
        long total = pairs.shape[1];
        long count = 0;
        var absolute = new ChunkedMoments();
        var relative = new ChunkedMoments();

        // Scalars are native objects that dispose scopes do not track; made once, freed here.
        using var threshold = (-options.Epsilon).ToScalar();
        using var floor = options.RelativeFloor.ToScalar();
        using var zero = 0.0.ToScalar();
        for (long first = 0; first < total; first += pairsPerChunk)
        {
            cancellation.ThrowIfCancellationRequested();
            using var chunk = NewDisposeScope();
            long length = Math.Min(pairsPerChunk, total - first);
            var layerI = cumulative.index_select(0, pairs[0].narrow(0, first, length));
            var layerJ = cumulative.index_select(0, pairs[1].narrow(0, first, length));
            var diff = layerI - layerJ;
            var violating = diff.lt(threshold);
            long violations = violating.sum().item<long>();
            if (violations == 0)
            {
                continue;
            }

            // |d| = -d where d < -epsilon; torch.max(val_i, val_j) + floor as the notebook writes it.
            var others = violating.logical_not_();
            var absoluteErrors = diff.neg_().masked_fill_(others, zero);
            var relativeErrors = absoluteErrors / maximum(layerI, layerJ).add_(floor);
            count += violations;
            absolute.Add(violations, absoluteErrors, others, zero);
            relative.Add(violations, relativeErrors, others, zero);
        }

        return LayerStats.FromTotals(
            LayerStats.CombinationsFor((int)n), count, absolute.Total, relative.Total, absolute.SampleStd, relative.SampleStd);
    }
}
