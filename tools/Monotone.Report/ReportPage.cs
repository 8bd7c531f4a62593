using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Monotone.Appendix;
using Monotone.Figures;
using Monotone.Results;

namespace Monotone.Report;

/// <summary>
/// <c>paper/report.html</c>: the study as one self-contained page, for a browser rather than a
/// PDF reader: the summary table, every figure inlined as SVG (per sequence length, and across
/// lengths), a collapsible per-layer table per result, the provenance of every result (its own
/// input, fingerprint, options, engine, tool and the commit of its result file) and the
/// staleness of each stage when the page was written. The page loads nothing: fonts, styles
/// and figures are inside it. The bytes depend only on the arguments (no clock).
/// </summary>
public static partial class ReportPage
{
    private static readonly Lazy<IFluidTemplate> Template = new(ParseTemplate);

    // Every character except markup-significant ones is written as itself, so labels and
    // symbols (σ, ε, ×) stay readable in the source; <, >, &, quotes are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The page's bytes (UTF-8 HTML).</summary>
    /// <param name="models">Each model's results, in manifest order.</param>
    /// <param name="metadata">Title, authors, introduction and each result's origin (input, commit).</param>
    /// <param name="stages">Each stage's state when the page is written, in the order to show.</param>
    /// <exception cref="ArgumentException">A model has two results at one sequence length.</exception>
    public static byte[] Render(IReadOnlyList<ModelSeries> models, FigureSettings settings, AppendixMetadata metadata, IReadOnlyList<StageState> stages)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(stages);
        var view = ReportViews.Build(models, settings, metadata, stages);
        var options = new TemplateOptions();
        foreach (var type in typeof(ReportView).Assembly.GetTypes().Where(t => t.Namespace == typeof(ReportView).Namespace && t.Name.EndsWith("View", StringComparison.Ordinal)))
        {
            options.MemberAccessStrategy.Register(type);
        }

        var context = new TemplateContext(options);
        context.SetValue("page", view);
        context.SetValue("fonts", ReportFonts.FaceRules);
        string html = Template.Value.Render(context, Encoder);
        return Encoding.UTF8.GetBytes(html);
    }

    /// <summary>The page at <paramref name="path"/> (e.g. paper/report.html), written only when its bytes change.</summary>
    /// <param name="stages">Called when the bytes are made, so that staleness is as of that moment.</param>
    public static PlannedFile File(IReadOnlyList<ModelSeries> models, FigureSettings settings, AppendixMetadata metadata, Func<IReadOnlyList<StageState>> stages, string path)
    {
        ArgumentNullException.ThrowIfNull(stages);
        return new(path, () => Render(models, settings, metadata, stages()));
    }

    /// <summary>
    /// A figure's SVG as an element of the page: without the XML declaration, and with Skia's
    /// clip-path ids prefixed by the figure's index, because ids are global in an HTML document
    /// and every figure numbers its own from 1.
    /// </summary>
    internal static string InlineSvg(byte[] svg, int index)
    {
        string text = Encoding.UTF8.GetString(svg);
        int start = text.IndexOf("<svg", StringComparison.Ordinal);
        text = start < 0 ? text : text[start..];
        return SkiaId().Replace(text, match => $"{match.Groups[1].Value}f{index}-{match.Groups[2].Value}").TrimEnd();
    }

    [GeneratedRegex(@"(id=""|#)((?:cl|gradient|pattern|mask|img)_[0-9]+)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SkiaId();

    private static IFluidTemplate ParseTemplate()
    {
        using var stream = typeof(ReportPage).Assembly.GetManifestResourceStream("Monotone.Report.report.liquid")
            ?? throw new InvalidOperationException("the report template is not embedded in Monotone.Report");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        string source = reader.ReadToEnd();
        return new FluidParser().TryParse(source, out var template, out string error)
            ? template
            : throw new InvalidOperationException($"report.liquid: {error}");
    }
}
