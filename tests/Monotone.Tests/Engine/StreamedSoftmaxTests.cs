using Monotone.Core;
using Monotone.Engine;
using Monotone.Engine.Fast;
using Monotone.Tests.Support;
using static Monotone.Tests.Support.RandomAttention;

namespace Monotone.Tests.Engine;

/// <summary>The vectorised transform against the reference's scalar one.</summary>
public class StreamedSoftmaxTests
{
    [Theory]
    [InlineData(Kind.LogNormal, 1, 4, 1)]
    [InlineData(Kind.LogNormal, 2, 3, 37)]
    [InlineData(Kind.Sink, 3, 6, 64)]
    [InlineData(Kind.LargeLogits, 4, 5, 33)]
    [InlineData(Kind.Coarse, 5, 12, 20)]
    public void Cumulative_attention_matches_the_reference_transform_to_rounding(Kind kind, int seed, int heads, int n)
    {
        var source = RandomAttention.Create(kind, seed, 1, heads, n);
        double[] slopes = AlibiSlopes.Notebook(heads);

        var expected = new double[n * n];
        CausalSoftmax.HeadMean(source, 0, slopes, expected, new double[n * n]);
        CausalSoftmax.CumulativeSum(expected, n);

        var sums = new double[n * n];
        var columns = new double[n * n];
        StreamedSoftmax.CumulativeByColumn(source, 0, StreamedSoftmax.AlibiRows(slopes, n), sums, columns, CancellationToken.None);

        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                double e = expected[(i * n) + k];
                double a = columns[(k * n) + i];
                Assert.True(Math.Abs(e - a) <= 1e-14 * Math.Max(Math.Abs(e), 1e-300) || Math.Abs(e - a) < 1e-300, $"C[{i},{k}] = {a:R}, expected {e:R}");
            }
        }
    }

    [Fact]
    public void Rows_past_the_diagonal_are_exactly_the_row_total()
    {
        // The statistics rely on it: complete rows are equal to within rounding, never above one another by epsilon.
        int n = 16;
        var source = RandomAttention.Create(Kind.Sink, 9, 1, 3, n);
        var sums = new double[n * n];
        var columns = new double[n * n];

        StreamedSoftmax.CumulativeByColumn(source, 0, StreamedSoftmax.AlibiRows(AlibiSlopes.Notebook(3), n), sums, columns, CancellationToken.None);

        for (int i = 0; i < n; i++)
        {
            Assert.All(Enumerable.Range(i, n - i), k => Assert.Equal(columns[(i * n) + i], columns[(k * n) + i]));
            Assert.Equal(1.0, columns[(i * n) + i], 1e-14);
        }
    }
}
