using Monotone.Figures;
using ScottPlot;

namespace Monotone.Tests.Figures;

/// <summary>Expected values are what matplotlib 3.x's AutoMinorLocator returns for the same major ticks.</summary>
public class AutoMinorLocatorTests
{
    [Fact]
    public void A_step_of_two_gets_four_divisions_and_skips_the_major_ticks()
    {
        double[] minor = [.. new AutoMinorLocator().GetMinorTicks([0, 2, 4], new CoordinateRange(0, 4))];

        Assert.Equal([0.5, 1, 1.5, 2.5, 3, 3.5], minor);
    }

    [Fact]
    public void A_step_of_two_and_a_half_gets_five_divisions()
    {
        double[] minor = [.. new AutoMinorLocator().GetMinorTicks([0, 2.5], new CoordinateRange(0, 2.5))];

        Assert.Equal([0.5, 1, 1.5, 2], minor, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void One_major_tick_gives_no_minor_ticks()
    {
        Assert.Empty(new AutoMinorLocator().GetMinorTicks([1], new CoordinateRange(0, 2)));
    }
}
