using System.Text.RegularExpressions;
using Monotone.Appendix;
using Monotone.Figures;
using Monotone.Report;
using Monotone.Tests.Support;

namespace Monotone.Tests.Report;

public sealed partial class ReportPageTests
{
    private static readonly Lazy<string> TwoLengths = new(() => ReportSamples.Html(SampleResults.Models(256, 1024)));

    [Fact]
    public void The_same_results_give_the_same_bytes()
    {
        var first = SampleResults.Models(256);
        var second = SampleResults.Models(256);

        Assert.Equal(
            ReportPage.Render(first, new FigureSettings(), ReportSamples.Metadata(first), ReportSamples.Stages),
            ReportPage.Render(second, new FigureSettings(), ReportSamples.Metadata(second), ReportSamples.Stages));
    }

    [Fact]
    public void Inlines_every_figure_of_every_length_and_the_one_across_lengths()
    {
        string html = TwoLengths.Value;
        var planned = FigureSet.Plan(SampleResults.Models(256, 1024), new FigureSettings());

        Assert.Equal(7, planned.Count);
        Assert.Equal(planned.Count, Count(html, "<svg"));
        Assert.All(planned, figure => Assert.Contains($"<figure id=\"figure-{figure.Name}\">", html, StringComparison.Ordinal));
        TextAssert.ContainsAll(
            html,
            "<h3>Sequence length 256</h3>",
            "<h3>Sequence length 1024</h3>",
            "<h3>Across sequence lengths</h3>");
        Assert.True(html.IndexOf("figure-violation_rate_by_length", StringComparison.Ordinal) > html.IndexOf("Across sequence lengths", StringComparison.Ordinal));
    }

    [Fact]
    public void Ids_are_unique_in_the_page_so_each_figure_clips_to_its_own_axes()
    {
        string html = TwoLengths.Value;
        var ids = IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToList();

        Assert.Contains(ids, id => id.StartsWith("f1-cl_", StringComparison.Ordinal));
        Assert.Contains(ids, id => id.StartsWith("f7-cl_", StringComparison.Ordinal));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(UrlReference().Matches(html).Select(m => m.Groups[1].Value), reference => Assert.Contains(reference, ids));
    }

    [Fact]
    public void Loads_nothing_from_outside_the_file()
    {
        string html = TwoLengths.Value;

        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.All(ExternalReference().Matches(html).Select(m => m.Value), reference => Assert.Matches("^(href=\"#|url\\(#|url\\(data:|xmlns)", reference));
        Assert.Equal(3, Count(html, "url(data:font/ttf;base64,"));
    }

    [Fact]
    public void Has_a_summary_row_a_collapsed_layer_table_and_provenance_for_every_result()
    {
        string html = TwoLengths.Value;
        var rows = SummaryRow.For(SampleResults.Models(256, 1024));

        Assert.Equal(rows.Count, Count(html, "<details id=\"layers-"));
        Assert.DoesNotContain("<details open", html, StringComparison.Ordinal);
        foreach (var row in rows)
        {
            TextAssert.ContainsAll(
                html,
                $"<summary>{row.Model} *, n = {row.SequenceLength}</summary>",
                $"<td class=\"num\">{Numbers.Rate(row.MeanRate)}</td>",
                $"{row.Model}_dir/{row.SequenceLength}/attention_probs_mean.pt",
                row.Result.Input.Fingerprint);
        }

        Assert.Equal(rows.Count, Count(html, $"title=\"{ReportSamples.Commit}\">{ReportSamples.Commit[..12]}</td>"));
        Assert.Equal(rows.Sum(r => r.Layers), Count(html, "<tr><td class=\"num\">"));
    }

    [Fact]
    public void Shows_each_stage_state_and_counts_the_stale_ones()
    {
        string html = TwoLengths.Value;

        TextAssert.ContainsAll(
            html,
            "<tr><td>analysis</td><td>mpt-7b/256</td><td class=\"current\">current</td>",
            "<tr><td>figures</td><td>paper/figures/violation_rate.svg</td><td class=\"stale\">stale</td><td>differs from a render of the results</td>",
            "1 stage check was stale when this page was written");
    }

    [Fact]
    public void Text_from_the_manifest_never_becomes_markup()
    {
        var models = SampleResults.Models(256);
        var hostile = new[] { models[0] with { Label = "<script>alert('x')</script>" }, models[1] with { Label = "a & \"b\"" } };
        var metadata = ReportSamples.Metadata(hostile) with { Introduction = "</p><iframe src=x>" };

        string html = System.Text.Encoding.UTF8.GetString(ReportPage.Render(hostile, new FigureSettings(), metadata, []));

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>monotone</b>", html, StringComparison.Ordinal);
        TextAssert.ContainsAll(
            html,
            "<title>A study of &lt;b&gt;monotone&lt;/b&gt; attention</title>",
            "<td class=\"nowrap\">&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; *</td>",
            "<td class=\"nowrap\">a &amp; &quot;b&quot; *</td>");
    }

    [Fact]
    public void Without_origins_a_result_shows_its_recorded_input_and_no_git_history()
    {
        var models = SampleResults.Models(256);
        var metadata = new AppendixMetadata("t", [], "");

        string html = System.Text.Encoding.UTF8.GetString(ReportPage.Render(models, new FigureSettings(), metadata, []));

        Assert.Equal(models.Count, Count(html, "title=\"no git history\">no git history</td>"));
    }

    private static int Count(string text, string part) => Regex.Count(text, Regex.Escape(part));

    [GeneratedRegex("\\bid=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();

    [GeneratedRegex("url\\(#([^)]+)\\)")]
    private static partial Regex UrlReference();

    [GeneratedRegex("(href|src|xmlns(:\\w+)?)=\"[^\"]*\"|url\\([^)]{0,12}")]
    private static partial Regex ExternalReference();
}
