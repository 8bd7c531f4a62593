using Monotone.Core;
using Monotone.Results;

namespace Monotone.Tests.Results;

public class ResultComparisonTests
{
    private static readonly LayerStats Layer = LayerStats.FromTotals(120, 7, 0.5, 2.0, 0.01, 0.1) with { Layer = 1 };

    [Fact]
    public void Identical_statistics_agree() =>
        Assert.Empty(new ResultComparison().Compare([Layer], [Layer]));

    [Theory]
    [InlineData(double.PositiveInfinity, 0.5)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData(double.NaN, 0.5)]
    [InlineData(0.5, double.NegativeInfinity)]
    public void A_non_finite_value_never_agrees(double committed, double recomputed) =>
        Assert.Equal(
            [new LayerDifference(1, "total_absolute_error", committed, recomputed)],
            new ResultComparison().Compare([Layer with { TotalAbsoluteError = committed }], [Layer with { TotalAbsoluteError = recomputed }]));

    [Fact]
    public void Counts_must_match_exactly()
    {
        var differences = new ResultComparison().Compare([Layer], [Layer with { ViolationsCount = 8 }]);

        Assert.Equal([new LayerDifference(1, "violations_count", 7, 8)], differences);
    }

    [Theory]
    [InlineData(0.5 * (1 + 0.9e-9), true)]
    [InlineData(0.5 * (1 + 1.1e-9), false)]
    public void Floats_agree_within_the_relative_tolerance(double total, bool agrees) =>
        Assert.Equal(agrees, new ResultComparison().Compare([Layer], [Layer with { TotalAbsoluteError = total }]).Count == 0);

    [Theory]
    [InlineData(0.9e-12, true)]
    [InlineData(1.1e-12, false)]
    public void Near_zero_the_absolute_tolerance_applies(double std, bool agrees) =>
        Assert.Equal(agrees, new ResultComparison().Compare([Layer with { AbsoluteErrorStd = 0 }], [Layer with { AbsoluteErrorStd = std }]).Count == 0);

    [Fact]
    public void A_missing_layer_is_a_difference() =>
        Assert.Contains(new LayerDifference(0, "layers", 2, 1), new ResultComparison().Compare([Layer, Layer with { Layer = 2 }], [Layer]));
}
