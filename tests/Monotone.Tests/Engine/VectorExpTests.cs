using System.Runtime.Intrinsics;
using Monotone.Engine.Fast;

namespace Monotone.Tests.Engine;

/// <summary>
/// The engine's exponential, in both ways of carrying eight lanes: within 2 ulp of Math.Exp,
/// and bit for bit the same either way (what makes result files processor-independent).
/// Lanes512 runs in software where AVX-512 is missing, so both are tested on every machine.
/// </summary>
public class VectorExpTests
{
    [Fact]
    public void Is_within_two_ulp_of_Math_Exp_and_the_same_bits_in_both_lane_carriers()
    {
        var random = new Random(42);
        long worst = 0;
        Span<double> wide = stackalloc double[8];
        Span<double> narrow = stackalloc double[8];
        for (int trial = 0; trial < 50_000; trial++)
        {
            // Mostly the softmax's range, some of the rest, and some tiny arguments.
            var x = new double[8];
            for (int lane = 0; lane < 8; lane++)
            {
                double scale = ((trial + lane) % 4) switch { 0 => 746, 1 => 40, 2 => 1e-6, _ => -709 };
                x[lane] = -random.NextDouble() * scale;
            }

            VectorExp.Of(Lanes512.Load(ref x[0], 0)).Store(ref wide[0], 0);
            VectorExp.Of(Lanes128.Load(ref x[0], 0)).Store(ref narrow[0], 0);
            for (int lane = 0; lane < 8; lane++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(wide[lane]), BitConverter.DoubleToInt64Bits(narrow[lane]));
                long ulps = Math.Abs(BitConverter.DoubleToInt64Bits(wide[lane]) - BitConverter.DoubleToInt64Bits(Math.Exp(x[lane])));
                worst = Math.Max(worst, ulps);
            }
        }

        Assert.InRange(worst, 0, 2);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(double.NegativeInfinity, 0.0)]
    [InlineData(-800.0, 0.0)]
    [InlineData(-745.2, 0.0)]
    [InlineData(-745.1, double.Epsilon)]
    public void Edges_are_exact(double x, double expected)
    {
        Assert.Equal(expected, VectorExp.Of(Lanes512.Create(x)).Value[0]);
        Assert.Equal(expected, VectorExp.Of(Lanes128.Create(x)).A[0]);
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
}
