using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Monotone.Core;

namespace Monotone.Engine.Fast;

/// <summary>
/// Steps 1-6 of docs/design.md §1, vectorised: heads are read one at a time into one
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

    /// <summary>
    /// Steps 1-6 for one layer: C stored by column in <paramref name="columns"/>, which also
    /// holds each head as it is read; <paramref name="sums"/> is scratch. Both are n×n.
    /// The rows' eight lanes are carried as this processor carries them best
    /// (<see cref="SoftmaxRow.Accumulate(Span{double}, ReadOnlySpan{double}, Span{double})"/>).
    /// </summary>
    public static void CumulativeByColumn(
        IAttentionSource tensor, int layer, double[][] alibi, Span<double> sums, Span<double> columns, CancellationToken cancellation)
    {
        SumOverHeads(tensor, layer, alibi, sums, columns, cancellation);
        CumulativeMeanByColumn(sums, tensor.Heads, tensor.SequenceLength, columns);
    }

    /// <summary>
    /// <see cref="CumulativeByColumn(IAttentionSource, int, double[][], Span{double}, Span{double}, CancellationToken)"/>
    /// with one way of carrying the eight lanes, whatever the processor: the tests run the
    /// portable carrier (<see cref="Lanes128"/>) on an AVX-512 machine this way.
    /// </summary>
    internal static void CumulativeByColumn<T>(
        IAttentionSource tensor, int layer, double[][] alibi, Span<double> sums, Span<double> columns, CancellationToken cancellation)
        where T : struct, IEightLanes<T>
    {
        SumOverHeads<T>(tensor, layer, alibi, sums, columns, cancellation);
        CumulativeMeanByColumn(sums, tensor.Heads, tensor.SequenceLength, columns);
    }

    /// <summary>
    /// Writes the sum over heads of the softmax attention of <paramref name="layer"/> into
    /// <paramref name="sums"/> (n×n, zero above the diagonal); <see cref="CumulativeMeanByColumn"/>
    /// divides by the head count.
    /// </summary>
    public static void SumOverHeads(
        IAttentionSource tensor, int layer, double[][] alibi, Span<double> sums, Span<double> head, CancellationToken cancellation)
    {
        // Chosen once per layer, not per row: Vector512.IsHardwareAccelerated is a JIT-time constant.
        if (Vector512.IsHardwareAccelerated)
        {
            SumOverHeads<Lanes512>(tensor, layer, alibi, sums, head, cancellation);
        }
        else
        {
            SumOverHeads<Lanes128>(tensor, layer, alibi, sums, head, cancellation);
        }
    }

    private static void SumOverHeads<T>(
        IAttentionSource tensor, int layer, double[][] alibi, Span<double> sums, Span<double> head, CancellationToken cancellation)
        where T : struct, IEightLanes<T>
    {
        int n = tensor.SequenceLength;
        sums.Clear();
        for (int h = 0; h < tensor.Heads; h++)
        {
            cancellation.ThrowIfCancellationRequested();
            tensor.ReadHead(layer, h, head);
            var scores = alibi[h].AsSpan();
            for (int i = 0; i < n; i++)
            {
                var row = head.Slice(i * n, i + 1);
                if (!SoftmaxRow.Accumulate<T>(row, scores[(n - 1 - i)..], sums.Slice(i * n, i + 1)))
                {
                    InputValues.Check(tensor, layer, h, i, row);
                    throw new InvalidOperationException($"the row kernel refused row {i} of head {h}, layer {layer}, which InputValues accepts");
                }
            }
        }
    }

    /// <summary>
    /// The head mean A = sums / heads (torch's mean over heads on the CPU: the sum, then one
    /// division), and its cumulative sum over keys, stored by column (<c>columns[k·n + i] = C[i, k]</c>)
    /// so the statistics read each column contiguously. Row i's running sum is still formed
    /// key by key in order, so C is the same as a row-wise cumulative sum, bit for bit.
    /// </summary>
    public static void CumulativeMeanByColumn(ReadOnlySpan<double> sums, int heads, int n, Span<double> columns)
    {
        // Transposed in tiles so that neither side is walked with stride n for long.
        double count = heads;
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
                        columns[(k * n) + i] = sums[(i * n) + k] / count;
                    }
                }
            }
        }

        int width = Vector<double>.Count;
        for (int k = 1; k < n; k++)
        {
            var column = columns.Slice(k * n, n);
            var previous = columns.Slice((k - 1) * n, n);
            int i = 0;
            for (; i <= n - width; i += width)
            {
                (new Vector<double>(column[i..]) + new Vector<double>(previous[i..])).CopyTo(column[i..]);
            }

            for (; i < n; i++)
            {
                column[i] += previous[i];
            }
        }
    }
}
