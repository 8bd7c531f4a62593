using System.Runtime.Intrinsics;
using Monotone.Engine.Fast;

namespace Monotone.Tests.Engine;

/// <summary>The AVX-512 row kernel against the portable TensorPrimitives one, and both against Math.Exp.</summary>
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
    public void Both_kernels_agree_with_a_scalar_softmax(int length)
    {
        var random = new Random(length);
        var input = Enumerable.Range(0, length).Select(_ => (random.NextDouble() - 0.5) * 60).ToArray();
        var scores = Enumerable.Range(0, length).Select(j => -0.3 * (length - 1 - j)).ToArray();
        var start = Enumerable.Range(0, length).Select(_ => random.NextDouble()).ToArray();

        var expected = ScalarSoftmaxAdded(input, scores, start);
        var kernels = new List<Func<double[], double[], double[], bool>> { (r, s, m) => SoftmaxRow.Portable(r, s, m) };
        if (Vector512.IsHardwareAccelerated && length >= 8)
        {
            kernels.Add((r, s, m) => SoftmaxRow.Fused(r, s, m));
        }

        foreach (var kernel in kernels)
        {
            var row = (double[])input.Clone();
            var mean = (double[])start.Clone();
            Assert.True(kernel(row, scores, mean));
            for (int j = 0; j < length; j++)
            {
                Assert.Equal(expected[j], mean[j], Math.Abs(expected[j]) * 1e-15);
            }
        }
    }

    [Theory]
    [InlineData(double.NaN, 3)]
    [InlineData(double.PositiveInfinity, 12)]
    [InlineData(double.NegativeInfinity, 20)]
    public void A_non_finite_value_leaves_row_and_mean_untouched(double bad, int length)
    {
        var input = Enumerable.Range(0, length).Select(j => j / 10.0).ToArray();
        input[length - 2] = bad;
        var scores = new double[length];

        foreach (var kernel in new Func<double[], double[], double[], bool>[] { (r, s, m) => SoftmaxRow.Portable(r, s, m), (r, s, m) => SoftmaxRow.Accumulate(r, s, m) })
        {
            var row = (double[])input.Clone();
            var mean = new double[length];
            Assert.False(kernel(row, scores, mean));
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
