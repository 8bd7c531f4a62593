using Monotone.Figures;
using Monotone.Tests.Support;

namespace Monotone.Tests.Figures;

public class FigureComparisonTests
{
    private static readonly FigureSettings Settings = new();

    private static bool Exact(double a, double b) => a == b;

    // The diff's default bar: 1e-9 relative.
    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-9 * Math.Max(Math.Abs(a), Math.Abs(b));

    // The sample models, with model 1's result at length n scaled (its rates and errors move together).
    private static IReadOnlyList<ModelSeries> WithModelOneScaled(double scale, params int[] lengths) =>
    [
        .. SampleResults.NotebookModels.Select((m, i) => new ModelSeries(
            m.Label, [.. lengths.Select(n => SampleResults.Result(i, m.Layers, m.Heads, n, i == 1 ? scale : 1))])),
    ];

    [Fact]
    public void The_same_results_give_no_figures()
    {
        Assert.Empty(FigureComparison.Plan(SampleResults.Models(256, 1024), SampleResults.Models(256, 1024), Settings, Exact));
    }

    [Fact]
    public void A_moved_line_is_drawn_dashed_beside_the_new_one_and_the_others_once()
    {
        var figures = FigureComparison.Plan(SampleResults.Models(256), WithModelOneScaled(1.5, 256), Settings, Close);

        // The scale moves the violation counts and so the rate; the error means per violation stay
        // (within rounding: total / count of a total made as mean × count).
        var rate = Assert.Single(figures);
        Assert.Equal("violation_rate", rate.Name);
        var curves = rate.Chart.Curves;
        Assert.Equal([.. SampleResults.NotebookModels.Select(m => m.Label), "bloom-176b" + FigureComparison.OlderSuffix], curves.Select(c => c.Label));
        Assert.Equal([false, false, false, false, false, true], curves.Select(c => c.Dashed));
        Assert.Equal(1, curves[^1].ColorIndex);
        Assert.Equal(SampleResults.Models(256)[1].Results[0].Layers.Select(l => l.ViolationRate), curves[^1].Y);
    }

    [Fact]
    public void Differences_within_the_tolerance_draw_nothing()
    {
        var older = SampleResults.Models(256);
        IReadOnlyList<ModelSeries> newer =
        [
            .. older.Select((m, i) => i != 1 ? m : new ModelSeries(m.Label, [m.Results[0] with
            {
                Layers = [.. m.Results[0].Layers.Select(l => l with { AbsoluteError = l.AbsoluteError * (1 + 1e-12) })],
            }])),
        ];

        Assert.Empty(FigureComparison.Plan(older, newer, Settings, Close));
        Assert.Equal(["average_absolute_error"], FigureComparison.Plan(older, newer, Settings, Exact).Select(f => f.Name));
    }

    [Fact]
    public void A_length_only_one_side_has_is_drawn_with_what_that_side_has()
    {
        var figures = FigureComparison.Plan(SampleResults.Models(256, 1024), SampleResults.Models(256), Settings, Exact);

        var removed = Assert.Single(figures, f => f.Name == "violation_rate_n1024");
        Assert.All(removed.Chart.Curves, c => Assert.True(c.Dashed));
        Assert.Contains(figures, f => f.Name == FigureSet.ByLengthName);
        Assert.DoesNotContain(figures, f => f.Name == "violation_rate");
    }
}
