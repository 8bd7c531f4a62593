using Monotone.Figures;

namespace Monotone.Tests.Figures;

/// <summary>Expected values are what matplotlib 3.x chooses for the same limits and axis length.</summary>
public class MatplotlibTicksTests
{
    [Fact]
    public void A_unit_range_gets_ticks_every_0_2_with_one_decimal()
    {
        var ticks = MatplotlibTicks.Linear(0, 1, 180, horizontal: false, integer: false);

        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], ticks.Major.Select(t => t.Label));
        Assert.Equal(0.05, ticks.Minor[1] - ticks.Minor[0], 12);
        Assert.Null(ticks.OffsetText);
    }

    [Fact]
    public void Seventy_layers_with_2_percent_margins_get_ticks_every_ten_and_minor_ticks_every_two()
    {
        var (min, max) = MatplotlibTicks.ViewLimits(1, 70, 0.02);
        var ticks = MatplotlibTicks.Linear(min, max, 280, horizontal: true, integer: true);

        Assert.Equal(-0.38, min, 12);
        Assert.Equal(["0", "10", "20", "30", "40", "50", "60", "70"], ticks.Major.Select(t => t.Label));
        Assert.Equal(2, ticks.Minor[1] - ticks.Minor[0], 12);
    }

    [Fact]
    public void Tiny_values_are_labelled_with_a_1e_multiplier()
    {
        var ticks = MatplotlibTicks.Linear(0, 3e-6, 180, horizontal: false, integer: false);

        Assert.Equal("1e\u22126", ticks.OffsetText);
        Assert.Equal(["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"], ticks.Major.Select(t => t.Label));
    }

    [Fact]
    public void Negative_labels_use_a_true_minus_sign()
    {
        var ticks = MatplotlibTicks.Linear(-1, 1, 180, horizontal: false, integer: false);

        Assert.Equal(["\u22121.00", "\u22120.75"], ticks.Major.Take(2).Select(t => t.Label));
    }

    [Fact]
    public void A_flat_line_still_gets_a_visible_range()
    {
        Assert.Equal((-0.05, 0.05), MatplotlibTicks.ViewLimits(0, 0, 0.05));
    }
}
