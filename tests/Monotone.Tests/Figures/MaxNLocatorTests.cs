using Monotone.Figures;
using ScottPlot;

namespace Monotone.Tests.Figures;

/// <summary>Expected values are what matplotlib 3.x chooses for the same limits and axis length.</summary>
public class MaxNLocatorTests
{
    private static MaxNLocator Regenerated(double min, double max, float lengthPt, Edge edge, bool integer)
    {
        var locator = new MaxNLocator(integer);
        using var paint = Paint.NewDisposablePaint();
        ((ITickGenerator)locator).Regenerate(new CoordinateRange(min, max), edge, new PixelLength(lengthPt), paint, new LabelStyle());
        return locator;
    }

    private static string[] MajorLabels(MaxNLocator locator) => [.. locator.Ticks.Where(t => t.IsMajor).Select(t => t.Label)];

    private static double[] Minor(MaxNLocator locator) => [.. locator.Ticks.Where(t => !t.IsMajor).Select(t => t.Position)];

    [Fact]
    public void A_unit_range_gets_ticks_every_0_2_with_one_decimal()
    {
        var locator = Regenerated(0, 1, 180, Edge.Left, integer: false);

        Assert.Equal(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"], MajorLabels(locator));
        Assert.Equal(0.05, Minor(locator)[1] - Minor(locator)[0], 12);
        Assert.Null(locator.OffsetText);
    }

    [Fact]
    public void Seventy_layers_with_2_percent_margins_get_ticks_every_ten_and_minor_ticks_every_two()
    {
        var (min, max) = ViewLimits.Autoscale(1, 70, 0.02);
        var locator = Regenerated(min, max, 280, Edge.Bottom, integer: true);

        Assert.Equal(-0.38, min, 12);
        Assert.Equal(["0", "10", "20", "30", "40", "50", "60", "70"], MajorLabels(locator));
        Assert.Equal(2, Minor(locator)[1] - Minor(locator)[0], 12);
    }

    [Fact]
    public void A_short_axis_gets_fewer_bins()
    {
        // get_tick_space: 60 pt on y holds 60 / (2 × 9 pt) = 3 bins, so the step grows from 0.2 to 0.5.
        Assert.Equal(["0.0", "0.5", "1.0"], MajorLabels(Regenerated(0, 1, 60, Edge.Left, integer: false)));
    }

    [Fact]
    public void Ticks_outside_the_view_are_left_out_and_minor_ticks_come_after_the_major_ones()
    {
        var locator = Regenerated(0.05, 0.95, 180, Edge.Left, integer: false);

        Assert.Equal(["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"], MajorLabels(locator));
        Assert.All(locator.Ticks, t => Assert.InRange(t.Position, 0.05, 0.95));
        Assert.Equal(9, locator.Ticks.TakeWhile(t => t.IsMajor).Count());
    }

    [Fact]
    public void Tiny_values_are_labelled_with_a_1e_multiplier()
    {
        var locator = Regenerated(0, 3e-6, 180, Edge.Left, integer: false);

        Assert.Equal("1e\u22126", locator.OffsetText);
        Assert.Equal(["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"], MajorLabels(locator));
    }
}
