using System.Runtime.Intrinsics;
using Monotone.Engine.Fast;

namespace Monotone.Tests.Engine;

/// <summary>
/// The engine's exponential, in both ways of carrying eight lanes: its measured accuracy
/// against Math.Exp, its values at the edges of its domain, and bit for bit the same either
/// way (what makes result files processor-independent). Lanes512 runs in software where
/// AVX-512 is missing, so both carriers are tested on every machine.
/// </summary>
public class VectorExpTests
{
    /// <summary>The bound VectorExp's documentation states; measured by the sweep below.</summary>
    private const long MaxUlp = 1;

    public static TheoryData<double, double> Ranges() => new()
    {
        { -746.0, 709.0 }, // the whole documented domain
        { -40.0, 0.0 },    // a softmax row's usual arguments
        { -746.0, -708.0 }, // results in the subnormal range, where 2^n is applied in two halves
        { -1e-6, 1e-6 },   // tiny arguments, where exp(x) is 1 + x
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Is_within_the_documented_ulp_of_Math_Exp_and_the_same_bits_in_both_lane_carriers(double low, double high)
    {
        // An even grid plus random points, a million arguments in all.
        const int count = 1 << 20;
        var random = new Random(42);
        var x = new double[count];
        for (int p = 0; p < count; p++)
        {
            double u = p % 2 == 0 ? (double)p / count : random.NextDouble();
            x[p] = low + ((high - low) * u);
        }

        var (worst, at) = WorstUlp(x);

        Assert.True(worst <= MaxUlp, $"{worst} ulp at x = {at:R}: exp {Exp<Lanes512>(at):R}, Math.Exp {Math.Exp(at):R}");
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(-800.0, 0.0)]
    [InlineData(-745.2, 0.0)]
    [InlineData(-745.1, double.Epsilon)]
    [InlineData(double.NaN, double.NaN)]
    public void Edges_are_exact(double x, double expected)
    {
        Assert.Equal(expected, Exp<Lanes512>(x));
        Assert.Equal(expected, Exp<Lanes128>(x));
    }

    [Fact]
    public void Minus_zero_gives_one_as_plus_zero_does()
    {
        // A theory cannot hold both: xunit counts 0.0 and -0.0 as the same data.
        Assert.Equal(1.0, Exp<Lanes512>(-0.0));
        Assert.Equal(1.0, Exp<Lanes128>(-0.0));
    }

    [Fact]
    public void Lanes_are_summed_in_one_fixed_order_in_both_carriers()
    {
        // Left to right, 1e16 + 1 + ... loses ones that the pairwise tree keeps.
        double[] values = [1e16, 1.0, -1e16, 1.0, 3.0, 1e-3, 7.0, -2.5];
        double expected = ((values[0] + values[1]) + (values[2] + values[3])) + ((values[4] + values[5]) + (values[6] + values[7]));

        Assert.Equal(expected, Lanes512.Load(ref values[0], 0).Sum());
        Assert.Equal(expected, Lanes128.Load(ref values[0], 0).Sum());
        Assert.NotEqual(expected, values.Sum());
        Assert.Equal(Vector512.Create(values).ToScalar(), Lanes512.Load(ref values[0], 0).Value.ToScalar());
    }

    /// <summary>The largest distance, in units in the last place, from Math.Exp over <paramref name="x"/>, asserting both carriers agree bit for bit.</summary>
    private static (long Ulp, double At) WorstUlp(double[] x)
    {
        long worst = 0;
        double at = double.NaN;
        var wide = new double[8];
        var narrow = new double[8];
        for (int p = 0; p + 8 <= x.Length; p += 8)
        {
            VectorExp.Of(Lanes512.Load(ref x[p], 0)).Store(ref wide[0], 0);
            VectorExp.Of(Lanes128.Load(ref x[p], 0)).Store(ref narrow[0], 0);
            for (int lane = 0; lane < 8; lane++)
            {
                long bits = BitConverter.DoubleToInt64Bits(wide[lane]);
                Assert.Equal(bits, BitConverter.DoubleToInt64Bits(narrow[lane]));
                long ulps = Math.Abs(bits - BitConverter.DoubleToInt64Bits(Math.Exp(x[p + lane])));
                if (ulps > worst)
                {
                    (worst, at) = (ulps, x[p + lane]);
                }
            }
        }

        return (worst, at);
    }

    private static double Exp<T>(double x)
        where T : struct, IEightLanes<T>
    {
        var result = new double[8];
        VectorExp.Of(T.Create(x)).Store(ref result[0], 0);
        return result[0];
    }
}
