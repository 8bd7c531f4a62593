using Monotone.Engine.Fast;

namespace Monotone.Tests.Engine;

/// <summary>The row kernel against a scalar Math.Exp softmax, and its handling of -inf, NaN and +inf.</summary>
public class SoftmaxRowTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(16)]
    [InlineData(45)]
    [InlineData(300)]
    public void The_kernel_agrees_with_a_scalar_softmax(int length)
    {
        var random = new Random(length);
        var input = Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * 60).ToArray();
        var scores = Enumerable.Range(0, length).Select(j => -0.3 * (length - 1 - j)).ToArray();
        var start = Enumerable.Range(0, length).Select(_ => random.NextDouble()).ToArray();

        AssertAccumulates(input, scores, start);
    }

    [Theory]
    [InlineData(2, new[] { 0 })]
    [InlineData(9, new[] { 0, 3, 8 })]
    [InlineData(20, new[] { 1, 2, 3, 4, 5, 6, 7, 8, 17 })]
    public void A_used_key_holding_minus_infinity_gets_weight_zero(int length, int[] at)
    {
        var random = new Random(length);
        var input = Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * 10).ToArray();
        foreach (int j in at)
        {
            input[j] = double.NegativeInfinity;
        }

        var mean = AssertAccumulates(input, new double[length], new double[length]);
        Assert.All(at, j => Assert.Equal(0.0, mean[j]));
    }

    [Theory]
    [InlineData(double.NaN, 3)]
    [InlineData(double.PositiveInfinity, 12)]
    [InlineData(double.NaN, 20)]
    public void NaN_or_plus_infinity_leaves_row_and_mean_untouched(double bad, int length)
    {
        var input = Enumerable.Range(0, length).Select(j => j / 10.0).ToArray();
        input[length - 2] = bad;
        AssertRefused(input);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(13)]
    public void A_row_of_only_minus_infinity_is_refused(int length) =>
        AssertRefused(Enumerable.Repeat(double.NegativeInfinity, length).ToArray());

    private delegate bool Kernel(Span<double> row, ReadOnlySpan<double> scores, Span<double> mean);

    // Both carriers run on every machine (Lanes512 in software without AVX-512), and the dispatch.
    private static readonly Kernel[] Kernels =
    [
        SoftmaxRow.Accumulate<Lanes512>,
        SoftmaxRow.Accumulate<Lanes128>,
        SoftmaxRow.Accumulate,
    ];

    private static double[] AssertAccumulates(double[] input, double[] scores, double[] start)
    {
        var expected = ScalarSoftmaxAdded(input, scores, start);
        var means = new List<double[]>();
        foreach (var kernel in Kernels)
        {
            var row = (double[])input.Clone();
            var mean = (double[])start.Clone();
            Assert.True(kernel(row, scores, mean));
            for (int j = 0; j < input.Length; j++)
            {
                Assert.Equal(expected[j], mean[j], Math.Abs(expected[j]) * 1e-15);
            }

            means.Add(mean);
        }

        // Bit for bit: the eight lanes are the same operations whatever carries them.
        Assert.All(means, mean => Assert.Equal(means[0], mean));
        return means[0];
    }

    private static void AssertRefused(double[] input)
    {
        foreach (var kernel in Kernels)
        {
            var row = (double[])input.Clone();
            var mean = new double[input.Length];
            Assert.False(kernel(row, new double[input.Length], mean));
            Assert.Equal(input, row);
            Assert.All(mean, v => Assert.Equal(0.0, v));
        }
    }

    private static double[] ScalarSoftmaxAdded(double[] input, double[] scores, double[] start)
    {
        var x = input.Zip(scores, (a, b) => a + b).ToArray();
        double max = x.Max();
        var e = x.Select(v => Math.Exp(v - max)).ToArray();
        double sum = e.Sum();
        return start.Zip(e, (m, v) => m + (v / sum)).ToArray();
    }
}
