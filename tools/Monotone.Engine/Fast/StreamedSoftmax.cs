using System.Numerics.Tensors;
using Monotone.TensorInput;

namespace Monotone.Engine.Fast;

/// <summary>
/// Steps 1-6 of DESIGN.md §1, vectorised: heads are read one at a time into one
/// n×n buffer, so memory is two n×n buffers whatever the head count, and each
/// row's softmax runs on the unmasked keys only (<see cref="SoftmaxRow"/>).
/// </summary>
internal static class StreamedSoftmax
{
    private const int Tile = 32;

    /// <summary>
    /// ALiBi scores per head as one row each: <c>alibi[h][q] = -slope_h · (n - 1 - q)</c>,
    /// so query i's scores -slope·(i - j), j = 0..i, are the last i + 1 entries.
    /// The product is rounded exactly as the notebook's <c>-head_alphas * distances</c>.
    /// </summary>
    public static double[][] AlibiRows(ReadOnlySpan<double> slopes, int n)
    {
        var rows = new double[slopes.Length][];
        for (int h = 0; h < slopes.Length; h++)
        {
            double negativeSlope = -slopes[h];
            rows[h] = new double[n];
            for (int q = 0; q < n; q++)
            {
                rows[h][q] = negativeSlope * (n - 1 - q);
            }
        }

        return rows;
    }

    /// <summary>Writes the head-mean attention A of <paramref name="layer"/> into <paramref name="mean"/> (n×n, zero above the diagonal).</summary>
    public static void HeadMean(
        IAttentionSource tensor, int layer, double[][] alibi, Span<double> mean, Span<double> head, CancellationToken cancellation)
    {
        int n = tensor.SequenceLength;
        int heads = tensor.Heads;
        mean.Clear();
        for (int h = 0; h < heads; h++)
        {
            cancellation.ThrowIfCancellationRequested();
            tensor.ReadHead(layer, h, head);
            var scores = alibi[h].AsSpan();
            for (int i = 0; i < n; i++)
            {
                var row = head.Slice(i * n, i + 1);
                if (!SoftmaxRow.Accumulate(row, scores[(n - 1 - i)..], mean.Slice(i * n, i + 1)))
                {
                    CausalSoftmax.CheckFinite(tensor, layer, h, i, row);
                }
            }
        }

        // torch's mean over heads on the CPU: the sum, then one division.
        for (int i = 0; i < n; i++)
        {
            var meanRow = mean.Slice(i * n, i + 1);
            TensorPrimitives.Divide(meanRow, heads, meanRow);
        }
    }

    /// <summary>
    /// The cumulative sum over keys, stored by column (<c>columns[k·n + i] = C[i, k]</c>) so the
    /// statistics read each column contiguously. Row i's running sum is still formed
    /// key by key in order, so C is the same as a row-wise cumulative sum, bit for bit.
    /// </summary>
    public static void CumulativeByColumn(ReadOnlySpan<double> mean, int n, Span<double> columns)
    {
        // Transposed in tiles so that neither side is walked with stride n for long.
        for (int ib = 0; ib < n; ib += Tile)
        {
            int iEnd = Math.Min(ib + Tile, n);
            for (int kb = 0; kb < n; kb += Tile)
            {
                int kEnd = Math.Min(kb + Tile, n);
                for (int i = ib; i < iEnd; i++)
                {
                    for (int k = kb; k < kEnd; k++)
                    {
                        columns[(k * n) + i] = mean[(i * n) + k];
                    }
                }
            }
        }

        for (int k = 1; k < n; k++)
        {
            var column = columns.Slice(k * n, n);
            TensorPrimitives.Add(column, columns.Slice((k - 1) * n, n), column);
        }
    }
}
