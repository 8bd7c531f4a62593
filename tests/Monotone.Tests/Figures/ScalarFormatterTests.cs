using Monotone.Figures;

namespace Monotone.Tests.Figures;

/// <summary>Expected labels are what matplotlib 3.x's ScalarFormatter writes for the same locations.</summary>
public class ScalarFormatterTests
{
    [Fact]
    public void Negative_labels_use_a_true_minus_sign()
    {
        var (labels, offset) = ScalarFormatter.Format([-1, -0.75, -0.5]);

        Assert.Equal(["\u22121.00", "\u22120.75", "\u22120.50"], labels);
        Assert.Null(offset);
    }

    [Fact]
    public void Large_values_are_scaled_with_a_positive_multiplier()
    {
        var (labels, offset) = ScalarFormatter.Format([0, 1e6, 2e6]);

        Assert.Equal(["0", "1", "2"], labels);
        Assert.Equal("1e6", offset);
    }

    [Fact]
    public void No_locations_give_no_labels()
    {
        Assert.Equal(([], null), ScalarFormatter.Format([]));
    }
}
