using Monotone.Figures;

namespace Monotone.Tests.Figures;

public class ViewLimitsTests
{
    [Fact]
    public void Margins_widen_the_data_range_on_both_sides()
    {
        Assert.Equal((-0.38, 71.38), ViewLimits.Autoscale(1, 70, 0.02), (a, b) => Math.Abs(a.Item1 - b.Item1) < 1e-12 && Math.Abs(a.Item2 - b.Item2) < 1e-12);
    }

    [Fact]
    public void A_flat_line_still_gets_a_visible_range()
    {
        Assert.Equal((-0.05, 0.05), ViewLimits.Autoscale(0, 0, 0.05));
        Assert.Equal((1.9, 2.1), ViewLimits.Autoscale(2, 2, 0.05), (a, b) => Math.Abs(a.Item1 - b.Item1) < 1e-12 && Math.Abs(a.Item2 - b.Item2) < 1e-12);
    }
}
