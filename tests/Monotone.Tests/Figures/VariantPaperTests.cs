using System.Text;
using Monotone.Appendix;
using Monotone.Figures;
using Monotone.Report;
using Monotone.Results;
using Monotone.Tests.Report;
using Monotone.Tests.Support;

namespace Monotone.Tests.Figures;

/// <summary>
/// The paper with and without named variants (docs/variants.md): the figure of each variant's change from the default, the
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
    public void The_by_variant_figure_comes_last_and_draws_each_variant_minus_the_default_dashed_by_variant()
    {
        var plain = FigureSet.Plan(SampleResults.Models(64), new FigureSettings());
        var models = WithVariants();
        var figures = FigureSet.Plan(models, new FigureSettings());

        Assert.Equal([.. plain.Select(f => f.Name), FigureSet.ByVariantName], figures.Select(f => f.Name));
        Assert.Equal("violation_rate_change_by_variant", FigureSet.ByVariantName);
        var chart = figures[^1].Chart;

        // One line (and legend entry) per model and named variant; the default is the zero line, not a curve.
        Assert.Equal(["mpt-7b (eps)", "mpt-7b (floor)", "bloom-7b (eps)", "bloom-7b (floor)"], chart.Curves.Select(c => c.Label));
        Assert.Equal([0, 0, 2, 2], chart.Curves.Select(c => c.ColorIndex));
        Assert.Equal([1, 2, 1, 2], chart.Curves.Select(c => c.Dash));
        Assert.Equal(0, chart.ReferenceY);
        Assert.Equal("Violation Rate \u2212 Default", chart.YLabel);
        Assert.Contains("minus the default", figures[^1].Caption, StringComparison.Ordinal);

        var (defaults, variant) = (models[2].Results[0].Layers, models[2].Variants[1].Result.Layers);
        Assert.Equal(Enumerable.Range(1, defaults.Count).Select(i => (double)i), chart.Curves[3].X);
        Assert.Equal(defaults.Zip(variant, (d, v) => v.ViolationRate - d.ViolationRate), chart.Curves[3].Y);
        Assert.All(chart.Curves[3].Y, y => Assert.True(y < 0)); // "floor" scales the rates by 0.8

        // The other figures are drawn from the default variant only, exactly as without variants.
        Assert.All(plain.Zip(figures), pair => Assert.Equal(FigureFiles.Svg(pair.First), FigureFiles.Svg(pair.Second)));
    }

    [Fact]
    public void A_variant_missing_layers_has_no_point_there_and_a_model_without_a_default_result_no_line()
    {
        var models = WithVariants().ToList();
        var full = models[0].Variants[0];
        models[0] = models[0] with { Variants = [full with { Result = full.Result with { Layers = [.. full.Result.Layers.Where(l => l.Layer is 2 or 5 or 7)] } }] };
        models[2] = models[2] with { Results = [] }; // bloom-7b: variants but no default result to subtract

        var chart = FigureSet.Plan(models, new FigureSettings())[^1].Chart;

        // One variant is left on the figure ("eps"): the y label names it, the legend the model.
        var curve = Assert.Single(chart.Curves);
        Assert.Equal("mpt-7b", curve.Label);
        Assert.Equal("Violation Rate (eps) \u2212 Default", chart.YLabel);
        Assert.Equal([2.0, 5, 7], curve.X);
        var (defaults, variant) = (models[0].Results[0].Layers, full.Result.Layers);
        Assert.Equal([.. new[] { 1, 4, 6 }.Select(i => variant[i].ViolationRate - defaults[i].ViolationRate)], curve.Y);
    }

    /// <summary>
    /// A study with one named variant (the shipped one) says the variant's name once, in the y label,
    /// and the legend names the models: five "model (variant)" entries made the legend too wide for
    /// loc="best" to find a place over no line.
    /// </summary>
    [Fact]
    public void With_one_variant_the_y_label_names_it_and_the_legend_names_the_models()
    {
        var models = WithVariants().Select(m => m with { Variants = [.. m.Variants.Where(v => v.Name == "floor")] }).ToList();

        var chart = FigureSet.Plan(models, new FigureSettings())[^1].Chart;

        Assert.Equal(["mpt-7b", "bloom-7b"], chart.Curves.Select(c => c.Label));
        Assert.Equal([2, 2], chart.Curves.Select(c => c.Dash));
        Assert.Equal("Violation Rate (floor) \u2212 Default", chart.YLabel);
    }

    [Fact]
    public void Differences_of_about_1e_7_get_signed_tick_labels_and_matplotlibs_multiplier()
    {
        // What matplotlib 3.6.3's ScalarFormatter prints for the same ticks: the second are the shipped
        // study's (epsilon-1e-6 minus the default, n = 256), as scripts/variant-ticks.py prints them.
        var small = ScalarFormatter.Format([-1e-7, -5e-8, 0, 5e-8, 1e-7, 1.5e-7]);
        var shipped = ScalarFormatter.Format([-1.75e-06, -1.5e-06, -1.2499999999999999e-06, -1e-06, -7.5e-07, -4.999999999999999e-07, -2.4999999999999994e-07, 0.0]);

        Assert.Equal(["\u22121.0", "\u22120.5", "0.0", "0.5", "1.0", "1.5"], small.Labels);
        Assert.Equal("1e\u22127", small.OffsetText);
        Assert.Equal(["\u22121.75", "\u22121.50", "\u22121.25", "\u22121.00", "\u22120.75", "\u22120.50", "\u22120.25", "0.00"], shipped.Labels);
        Assert.Equal("1e\u22126", shipped.OffsetText);
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
        Assert.Contains("<h3>Change from the default, per variant</h3>", with, StringComparison.Ordinal);
    }
}
