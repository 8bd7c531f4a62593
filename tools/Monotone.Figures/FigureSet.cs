using Monotone.Results;

namespace Monotone.Figures;

/// <summary>
/// The paper's figures: for each sequence length, the notebook's three per-layer
/// figures (one line per model, manifest order); with several lengths, also each
/// model's mean violation rate against sequence length.
/// </summary>
/// <remarks>
/// File names: the primary length's figures keep the notebook's names
/// (<c>violation_rate</c>, <c>average_absolute_error</c>, <c>average_relative_error</c>);
/// every other length's get <c>_n{length}</c> (<c>violation_rate_n1024</c>); the
/// length figure is <c>violation_rate_by_length</c>; with named variants (docs/variants.md), the
/// last is <c>violation_rate_change_by_variant</c>. Each is written as .pdf, .svg and .png.
/// </remarks>
public static class FigureSet
{
    public const string ByLengthName = "violation_rate_by_length";

    /// <summary>The figure of each named variant's per-layer violation rate minus the default's (docs/variants.md).</summary>
    public const string ByVariantName = "violation_rate_change_by_variant";

    public static readonly string[] Extensions = [".pdf", ".svg", ".png"];

    /// <summary>The figures for these models, primary length first, then the others in ascending order.</summary>
    public static IReadOnlyList<Figure> Plan(IReadOnlyList<ModelSeries> models, FigureSettings settings)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(settings);
        CheckOneResultPerLength(models);
        int[] lengths = [.. models.SelectMany(m => m.SequenceLengths).Distinct().Order()];
        if (lengths.Length == 0)
        {
            return [];
        }

        int primary = PrimaryLength(models, settings);
        var figures = new List<Figure>();
        foreach (int length in lengths.Where(l => l != primary).Prepend(primary))
        {
            string suffix = length == primary ? "" : $"_n{length}";
            figures.AddRange(Metric.All.Select(metric => LayerFigure(models, metric, length, suffix, settings.ShowStdError)));
        }

        if (lengths.Length > 1)
        {
            figures.Add(ByLengthFigure(models));
        }

        // Last, so that a study without variants keeps every figure and its number in the appendix.
        if (models.Any(m => m.At(primary) is not null && m.Variants.Any(v => ModelSeries.LengthOf(v.Result) == primary)))
        {
            figures.Add(ByVariantFigure(models, primary));
        }

        return figures;
    }

    /// <summary>Every figure's PDF, SVG and PNG in <paramref name="folder"/>, with the bytes each should hold.</summary>
    public static IReadOnlyList<PlannedFile> Files(IReadOnlyList<ModelSeries> models, FigureSettings settings, string folder) =>
        Files(Plan(models, settings), folder);

    /// <summary>Each figure's PDF, SVG and PNG in <paramref name="folder"/>, named after the figure.</summary>
    public static IReadOnlyList<PlannedFile> Files(IReadOnlyList<Figure> figures, string folder) =>
    [
        .. figures.SelectMany(figure => new PlannedFile[]
        {
            new(Path.Combine(folder, figure.Name + ".pdf"), () => FigureFiles.Pdf(figure)),
            new(Path.Combine(folder, figure.Name + ".svg"), () => FigureFiles.Svg(figure)),
            new(Path.Combine(folder, figure.Name + ".png"), () => FigureFiles.Png(figure)),
        }),
    ];

    /// <summary>Writes every figure's PDF, SVG and PNG into <paramref name="folder"/>, each only when its bytes change.</summary>
    public static IReadOnlyList<WrittenFile> Render(IReadOnlyList<ModelSeries> models, FigureSettings settings, string folder) =>
        [.. Files(models, settings, folder).Select(file => file.Write())];

    public static int PrimaryLength(IReadOnlyList<ModelSeries> models, FigureSettings settings)
    {
        if (settings.PrimarySequenceLength is int chosen)
        {
            return models.Any(m => m.At(chosen) is not null)
                ? chosen
                : throw new ArgumentException($"no model has results at the primary sequence length {chosen}", nameof(settings));
        }

        return models.SelectMany(m => m.SequenceLengths).First();
    }

    private static Figure LayerFigure(IReadOnlyList<ModelSeries> models, Metric metric, int length, string suffix, bool showStdError)
    {
        var curves = new List<Curve>();
        for (int m = 0; m < models.Count; m++)
        {
            if (models[m].At(length) is not MonotonicityResult result)
            {
                continue;
            }

            var layers = result.Layers;
            double[] x = [.. Enumerable.Range(1, layers.Count).Select(i => (double)i)];
            double[] y = [.. layers.Select(metric.Value)];
            double[]? band = showStdError && metric.Spread is { } spread ? [.. layers.Select(l => 2 * spread(l))] : null;
            curves.Add(new Curve(models[m].Label, m, x, y, band, Markers: false));
        }

        string caption = $"{metric.Caption} per layer at sequence length {length}, one line per model"
            + (showStdError && metric.Spread is not null ? ", with ±2σ bands." : ".");
        return new Figure(metric.Name + suffix, caption, new Chart("Layer", metric.Title, curves, LayerAxis: true));
    }

    private static Figure ByLengthFigure(IReadOnlyList<ModelSeries> models)
    {
        var curves = new List<Curve>();
        for (int m = 0; m < models.Count; m++)
        {
            var results = models[m].Results.OrderBy(ModelSeries.LengthOf).ToArray();
            if (results.Length == 0)
            {
                continue;
            }

            double[] x = [.. results.Select(r => (double)ModelSeries.LengthOf(r))];
            double[] y = [.. results.Select(ModelSeries.MeanViolationRate)];
            curves.Add(new Curve(models[m].Label, m, x, y, null, Markers: true));
        }

        return new Figure(
            ByLengthName,
            "Mean violation rate over all layers against sequence length, one line per model.",
            new Chart("Sequence Length", "Mean Violation Rate", curves, LayerAxis: false));
    }

    /// <summary>
    /// Each named variant's per-layer violation rate minus the default's at the primary length: a
    /// model's colour as in every figure, each variant's own dashes (its <see cref="VariantResult.Index"/>),
    /// and the default as the line at zero. Variants of one study differ by little (ε 1e-10 against
    /// 1e-6 moves a rate by ~1e-7), so the rates themselves would draw one line over the other.
    /// The legend names model and variant (<c>mpt-7b (eps)</c>); with one named variant, the y label
    /// names it and the legend only the models.
    /// </summary>
    /// <remarks>
    /// A point per layer number (<c>LayerStats.Layer</c>) that both results have; no line for a
    /// model without a default result at this length or without the variant.
    /// </remarks>
    private static Figure ByVariantFigure(IReadOnlyList<ModelSeries> models, int length)
    {
        var drawn = new List<(int Model, VariantResult Variant, double[] X, double[] Y)>();
        for (int m = 0; m < models.Count; m++)
        {
            if (models[m].At(length) is not { } baseline)
            {
                continue;
            }

            foreach (var variant in models[m].Variants.Where(v => ModelSeries.LengthOf(v.Result) == length))
            {
                var pairs = baseline.Layers.Join(variant.Result.Layers, l => l.Layer, l => l.Layer, (d, v) => (d.Layer, Change: v.ViolationRate - d.ViolationRate)).ToArray();
                if (pairs.Length > 0)
                {
                    drawn.Add((m, variant, [.. pairs.Select(p => (double)p.Layer)], [.. pairs.Select(p => p.Change)]));
                }
            }
        }

        // With one variant drawn, its name is said once, in the y label, and the legend names models
        // only: "mpt-7b (epsilon-1e-6)" on every entry doubled the legend's width, and loc="best"
        // found no place where it covered no line.
        string? only = drawn.Select(d => d.Variant.Name).Distinct(StringComparer.Ordinal).Count() == 1 ? drawn[0].Variant.Name : null;
        List<Curve> curves = [.. drawn.Select(d => new Curve(
            only is null ? $"{models[d.Model].Label} ({d.Variant.Name})" : models[d.Model].Label, d.Model, d.X, d.Y, null, Markers: false, d.Variant.Index))];

        return new Figure(
            ByVariantName,
            $"Change of the violation rate per layer at sequence length {length} under each variant of the study: the variant's "
            + "rate minus the default's, one colour per model and one dash pattern per variant; the line at zero is the default.",
            new Chart("Layer", $"{Metric.ViolationRate.Title}{(only is null ? "" : $" ({only})")} \u2212 Default", curves, LayerAxis: true) { ReferenceY = 0 });
    }

    private static void CheckOneResultPerLength(IReadOnlyList<ModelSeries> models)
    {
        foreach (var model in models)
        {
            if (model.SequenceLengths.GroupBy(l => l).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                throw new ArgumentException($"model '{model.Label}' has {twice.Count()} results at sequence length {twice.Key}", nameof(models));
            }
        }
    }
}
