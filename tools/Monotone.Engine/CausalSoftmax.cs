using Monotone.Core;

namespace Monotone.Engine;

/// <summary>
/// Steps 1-6 of docs/design.md §1 for one layer: add ALiBi scores, mask j &gt; i,
/// softmax over keys, average heads, and take the cumulative sum along keys.
/// Heads are streamed one at a time, so memory is two n×n buffers.
/// </summary>
internal static class CausalSoftmax
{
    /// <summary>Writes the head-mean attention <c>A[i, j]</c> of <paramref name="layer"/> into <paramref name="mean"/>.</summary>
    /// <param name="head">Scratch space of n·n values.</param>
    public static void HeadMean(IAttentionSource tensor, int layer, ReadOnlySpan<double> slopes, Span<double> mean, Span<double> head)
    {
        int n = tensor.SequenceLength;
        int heads = tensor.Heads;
        mean = mean[..(n * n)];
        mean.Clear();
        for (int h = 0; h < heads; h++)
        {
            tensor.ReadHead(layer, h, head);
            double negativeSlope = -slopes[h];
            for (int i = 0; i < n; i++)
            {
                var row = head.Slice(i * n, i + 1);
                InputValues.Check(tensor, layer, h, i, row);
                AddSoftmaxRow(row, negativeSlope, i, mean.Slice(i * n, i + 1));
            }
        }

        // torch's mean over heads: the sum, then one division by the head count.
        for (int k = 0; k < mean.Length; k++)
        {
            mean[k] /= heads;
        }
    }

    /// <summary>
    /// Softmax of the unmasked part of row <paramref name="i"/> (keys 0..i) after adding
    /// the scores -slope·(i - j); the masked keys, and used keys holding -inf, contribute
    /// exp(-inf) = 0. The row holds finite values and -inf only, at least one finite
    /// (<see cref="InputValues.Check"/>).
    /// </summary>
    private static void AddSoftmaxRow(Span<double> row, double negativeSlope, int i, Span<double> meanRow)
    {
        double max = double.NegativeInfinity;
        for (int j = 0; j <= i; j++)
        {
            double x = row[j] + negativeSlope * (i - j);
            row[j] = x;
            max = Math.Max(max, x);
        }

        double sum = 0;
        for (int j = 0; j <= i; j++)
        {
            double e = Math.Exp(row[j] - max);
            row[j] = e;
            sum += e;
        }

        for (int j = 0; j <= i; j++)
        {
            meanRow[j] += row[j] / sum;
        }
    }

    /// <summary>Turns each row of <paramref name="values"/> (n×n) into its running sum over keys.</summary>
    public static void CumulativeSum(Span<double> values, int n)
    {
        for (int i = 0; i < n; i++)
        {
            var row = values.Slice(i * n, n);
            for (int k = 1; k < n; k++)
            {
                row[k] += row[k - 1];
            }
        }
    }
}
