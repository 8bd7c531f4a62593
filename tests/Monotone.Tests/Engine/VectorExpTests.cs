using System.Runtime.Intrinsics;
using Monotone.Engine.Fast;

namespace Monotone.Tests.Engine;

public class VectorExpTests
{
    [Fact]
    public void Is_within_two_ulp_of_Math_Exp()
    {
        if (!Vector512.IsHardwareAccelerated)
        {
            return; // the engine uses it only with AVX-512
        }

        var random = new Random(42);
        long worst = 0;
        for (int trial = 0; trial < 200_000; trial++)
        {
            // Mostly the softmax's range, some of the rest, and some tiny arguments.
            double scale = (trial % 4) switch { 0 => 746, 1 => 40, 2 => 1e-6, _ => -709 };
            var x = Vector512.Create(-random.NextDouble() * scale);
            var e = VectorExp.Of(x);
            for (int lane = 0; lane < 8; lane++)
            {
                long ulps = Math.Abs(BitConverter.DoubleToInt64Bits(e[lane]) - BitConverter.DoubleToInt64Bits(Math.Exp(x[lane])));
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
        if (!Vector512.IsHardwareAccelerated)
        {
            return; // the engine uses it only with AVX-512
        }


        Assert.Equal(expected, VectorExp.Of(Vector512.Create(x))[0]);
    }
}
