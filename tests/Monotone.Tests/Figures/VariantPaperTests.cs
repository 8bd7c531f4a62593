using System.Text;
using Monotone.Appendix;
using Monotone.Figures;
using Monotone.Report;
using Monotone.Results;
using Monotone.Tests.Report;
using Monotone.Tests.Support;

namespace Monotone.Tests.Figures;

/// <summary>
/// The paper with and without named variants (docs/variants.md): the by-variant figure, the
/// appendix's Variants section and the report's table appear only with variants, and the rest is
/// drawn from the default variant alone.
/// </summary>
public class VariantPaperTests
{
    /// <summary>The notebook's five models at n = 64; mpt-7b and bloom-7b also under two variants ("eps" with fewer violations, "floor").</summary>
    internal static IReadOnlyList<ModelSeries> WithVariants()
    {
        var models = SampleResults.Models(64);
        return
        [
            .. models.Select((m, i) => i is 0 or 2
                ? m with
                {
                    Variants =
                    [
                        new VariantResult("eps", 1, Variant(i, 0.6, epsilon: 1e-6)),
                        new VariantResult("floor", 2, Variant(i, 0.8, floor: 1e-3)),
                    ],
                }
                : m),
        ];
    }

    private static MonotonicityResult Variant(int model, double scale, double? epsilon = null, double? floor = null)
    {
        var (_, layers, heads) = SampleResults.NotebookModels[model];
        var result = SampleResults.Result(model, layers, heads, 64, scale);
        return result with
        {
            Options = result.Options with { Epsilon = epsilon ?? result.Options.Epsilon, RelativeFloor = floor ?? result.Options.RelativeFloor },
        };
    }

    [Fact]
    public void Without_variants_there_is_no_by_variant_figure()
    {
        Assert.DoesNotContain(FigureSet.Plan(SampleResults.Models(64, 256), new FigureSettings()), f => f.Name == FigureSet.ByVariantName);
    }

    [Fact]
    public void The_by_variant_figure_comes_last_with_a_line_per_model_and_variant_dashed_by_variant()
    {
        var plain = FigureSet.Plan(SampleResults.Models(64), new FigureSettings());
        var figures = FigureSet.Plan(WithVariants(), new FigureSettings());

        Assert.Equal([.. plain.Select(f => f.Name), FigureSet.ByVariantName], figures.Select(f => f.Name));
        var chart = figures[^1].Chart;
        Assert.Equal(
            ["mpt-7b (default)", "mpt-7b (eps)", "mpt-7b (floor)", "bloom-176b (default)", "bloom-7b (default)", "bloom-7b (eps)", "bloom-7b (floor)", "falcon-rw-7b (default)", "mpt-30b (default)"],
            chart.Curves.Select(c => c.Label));
        Assert.Equal([0, 0, 0, 1, 2, 2, 2, 3, 4], chart.Curves.Select(c => c.ColorIndex));
        Assert.Equal([0, 1, 2, 0, 0, 1, 2, 0, 0], chart.Curves.Select(c => c.Dash));
        Assert.Equal("Violation Rate", chart.YLabel);
        Assert.Equal(WithVariants()[0].Variants[0].Result.Layers.Select(l => l.ViolationRate), chart.Curves[1].Y);

        // The other figures are drawn from the default variant only, exactly as without variants.
        Assert.All(plain.Zip(figures), pair => Assert.Equal(FigureFiles.Svg(pair.First), FigureFiles.Svg(pair.Second)));
    }

    [Fact]
    public void The_by_variant_figure_is_drawn_at_the_primary_length_only()
    {
        var models = WithVariants();

        // The variants are at n = 64; a primary length of 256 where no variant has results draws none.
        var twoLengths = models.Select(m => m with { Results = [.. m.Results, .. SampleResults.Models(256).Single(s => s.Label == m.Label).Results] }).ToList();

        Assert.DoesNotContain(FigureSet.Plan(twoLengths, new FigureSettings(PrimarySequenceLength: 256)), f => f.Name == FigureSet.ByVariantName);
        Assert.Contains(FigureSet.Plan(twoLengths, new FigureSettings(PrimarySequenceLength: 64)), f => f.Name == FigureSet.ByVariantName);
    }

    [Fact]
    public void Variant_rows_name_what_changed_and_the_difference_from_the_default()
    {
        var models = WithVariants();

        var tables = VariantRow.For(models);

        Assert.Equal(["mpt-7b", "bloom-7b"], tables.Select(t => t.Model));
        var rows = tables[0].Rows;
        Assert.Equal(["default", "eps", "floor"], rows.Select(r => r.Variant));
        Assert.Equal(["", "ε = 1e\u221206", "floor 0.001"], rows.Select(r => r.Options));
        Assert.Equal(models[0].Results[0].Layers.Sum(l => l.ViolationsCount), rows[0].Violations);
        Assert.Equal(models[0].Variants[0].Result.Layers.Sum(l => l.ViolationsCount), rows[1].Violations);
        Assert.Null(rows[0].Difference);
        Assert.Equal(ModelSeries.MeanViolationRate(models[0].Variants[0].Result) - ModelSeries.MeanViolationRate(models[0].Results[0]), rows[1].Difference);
        Assert.True(rows[1].Difference < 0);
    }

    [Fact]
    public void The_appendix_has_a_Variants_section_only_with_variants()
    {
        var plain = SampleResults.Models(64);
        var models = WithVariants();

        string without = PdfText.Of(AppendixDocument.Render(plain, new FigureSettings(), ReportSamples.Metadata(plain)));
        string with = PdfText.Of(AppendixDocument.Render(models, new FigureSettings(), ReportSamples.Metadata(models)));

        Assert.DoesNotContain("Variants", without, StringComparison.Ordinal);
        Assert.DoesNotContain(FigureSet.ByVariantName, without, StringComparison.Ordinal);
        var row = VariantRow.For(models)[0].Rows[1];
        PdfText.AssertContains(
            with,
            "Variants",
            "Options changed",
            $"eps 64 ε = 1e\u221206 {Numbers.Integer(row.Violations)} {Numbers.Rate(row.MeanRate)} {Numbers.Difference(row.Difference!.Value)}",
            $"({FigureSet.ByVariantName}.pdf)");
    }

    [Fact]
    public void The_report_has_a_Variants_table_only_with_variants()
    {
        var plain = SampleResults.Models(64);
        var models = WithVariants();

        string without = Encoding.UTF8.GetString(ReportPage.Render(plain, new FigureSettings(), ReportSamples.Metadata(plain), ReportSamples.Stages));
        string with = Encoding.UTF8.GetString(ReportPage.Render(models, new FigureSettings(), ReportSamples.Metadata(models), ReportSamples.Stages));

        Assert.DoesNotContain("id=\"variants\"", without, StringComparison.Ordinal);
        Assert.DoesNotContain(FigureSet.ByVariantName, without, StringComparison.Ordinal);
        Assert.Contains("<section id=\"variants\">", with, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#variants\">Variants</a>", with, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nowrap\">eps</td><td class=\"num\">64</td><td>ε = 1e\u221206</td>", with, StringComparison.Ordinal);
        Assert.Contains($"id=\"figure-{FigureSet.ByVariantName}\"", with, StringComparison.Ordinal);
        Assert.Contains("<h3>Across variants</h3>", with, StringComparison.Ordinal);
    }
}
