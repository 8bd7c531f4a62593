using Monotone.Core;
using Monotone.Engine;
using Monotone.Engine.Fast;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Engine;

/// <summary>
/// The fast statistics against the reference's pairwise loop on the very same
/// cumulative matrix C, so that ties and differences one ulp either side of
/// -epsilon must give identical counts.
/// </summary>
public class ViolationCounterTests
{
    public static TheoryData<int, int, double, double> Matrices()
    {
        var data = new TheoryData<int, int, double, double>();
        int seed = 0;
        foreach (int n in new[] { 1, 2, 3, 4, 7, 16, 33, 64 })
        {
            foreach (var (epsilon, floor) in new[] { (1e-10, 1e-5), (0.0, 0.0), (1e-3, 1e-2) })
            {
                data.Add(n, ++seed, epsilon, floor);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrices))]
    public void Random_cumulative_matrices(int n, int seed, double epsilon, double floor)
    {
        var random = new Random(seed);
        var c = CumulativeRows(n, (i, j) => j <= i ? random.NextDouble() / (i + 1) : 0);

        AssertSameAsPairwise(c, n, epsilon, floor);
    }

    [Theory]
    [MemberData(nameof(Matrices))]
    public void Exact_ties(int n, int seed, double epsilon, double floor)
    {
        var random = new Random(seed);
        var c = new double[n * n];
        for (int p = 0; p < c.Length; p++)
        {
            c[p] = random.Next(5) / 4.0;
        }

        AssertSameAsPairwise(c, n, epsilon, floor);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Differences_at_and_one_ulp_around_minus_epsilon(int seed)
    {
        // Columns of values x + δ with δ in {0, ε, ε±ulp, 2ε, ...}: pairs whose computed
        // difference lands on, just above and just below -ε, at several magnitudes of x.
        const double Epsilon = 1e-10;
        double[] offsets = [0, Epsilon, Math.BitIncrement(Epsilon), Math.BitDecrement(Epsilon), 2 * Epsilon, 3 * Epsilon, 0.5 * Epsilon];
        int n = 48;
        var random = new Random(seed);
        var c = new double[n * n];
        for (int k = 0; k < n; k++)
        {
            double x = Math.Pow(2, -random.Next(0, 30)) * (1 + random.NextDouble());
            for (int i = 0; i < n; i++)
            {
                c[(i * n) + k] = x + offsets[random.Next(offsets.Length)];
            }
        }

        var counted = AssertSameAsPairwise(c, n, Epsilon, 1e-5);
        Assert.InRange(counted.ViolationsCount, 1, counted.Combinations - 1);
    }

    [Fact]
    public void Clustered_violations_keep_their_small_spread()
    {
        // Every violation is 0.3 give or take 4e-7: the spread is 1e-6 of the mean, where
        // E[d²] - E[d]² would lose most digits. The standard deviations (about 8e-8) are checked
        // against the 1e-9 relative bar alone: its 1e-12 absolute floor would let through 1e-5 of
        // them. Even merged without cancellation, a spread this small next to its mean costs
        // digits (mean / std ≈ 4e6 times 1e-16): the engines agree to 3e-10 here, within the bar.
        int n = 40;
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                c[(i * n) + k] = (i < n / 2 ? 0.2 : 0.5) - (i * 1e-8) + (k * 1e-3);
            }
        }

        var stats = AssertSameAsPairwise(c, n, 1e-10, 1e-5);
        var expected = ReferenceEngine.PairwiseStats(c, n, 1e-10, 1e-5);
        var relativeOnly = new ResultComparison(Absolute: 0);
        Assert.True(relativeOnly.Close(expected.AbsoluteErrorStd, stats.AbsoluteErrorStd), $"{stats.AbsoluteErrorStd:R}, expected {expected.AbsoluteErrorStd:R}");
        Assert.True(relativeOnly.Close(expected.RelativeErrorStd, stats.RelativeErrorStd), $"{stats.RelativeErrorStd:R}, expected {expected.RelativeErrorStd:R}");
        Assert.InRange(stats.AbsoluteErrorStd, 1e-8, 1e-6);
    }

    [Fact]
    public void Negative_epsilon_is_refused()
    {
        var counter = new ViolationCounter(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => counter.Layer(new double[4], -1e-10, 1e-5));
    }

    private static LayerStats AssertSameAsPairwise(double[] rowMajor, int n, double epsilon, double floor)
    {
        var expected = ReferenceEngine.PairwiseStats(rowMajor, n, epsilon, floor);
        var actual = new ViolationCounter(n).Layer(Transpose(rowMajor, n), epsilon, floor);
        NotebookAgreement.AssertEqual([expected], [actual]);
        return actual;
    }

    private static double[] CumulativeRows(int n, Func<int, int, double> value)
    {
        var c = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++)
            {
                sum += value(i, j);
                c[(i * n) + j] = sum;
            }
        }

        return c;
    }

    private static double[] Transpose(double[] matrix, int n)
    {
        var t = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                t[(k * n) + i] = matrix[(i * n) + k];
            }
        }

        return t;
    }
}
