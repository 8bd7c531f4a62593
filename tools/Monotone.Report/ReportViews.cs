using System.Globalization;
using Monotone.Appendix;
using Monotone.Core;
using Monotone.Figures;
using Monotone.Results;

namespace Monotone.Report;

/// <summary>Turns results into the template's view, numbers formatted as in the appendix (<see cref="Numbers"/>).</summary>
internal static class ReportViews
{
    public static ReportView Build(IReadOnlyList<ModelSeries> models, FigureSettings settings, AppendixMetadata metadata, IReadOnlyList<StageState> stages)
    {
        var rows = SummaryRow.For(models);
        var figures = FigureSet.Plan(models, settings);
        return new ReportView(
            metadata.Title,
            string.Join(", ", metadata.Authors),
            [.. metadata.Introduction.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            $"Monotone {ToolVersion.Current}",
            rows.Any(r => r.Synthetic),
            [.. rows.Select(Summary)],
            [.. VariantRow.For(models).Select(t => new VariantTableView(t.Rows[0].Model, [.. t.Rows.Select(Variant)]))],
            FigureGroups(models, settings, figures),
            [.. rows.Select(LayerTable)],
            [.. rows.Select(r => Provenance(r, metadata))],
            [.. stages.Select(s => new StageView(s.Stage, s.Subject, s.Current ? "current" : "stale", s.Current, s.Detail))],
            stages.Count(s => !s.Current));
    }

    private static SummaryView Summary(SummaryRow r) => new(
        Label(r), Numbers.Plain(r.Layers), Numbers.Plain(r.Heads), Numbers.Plain(r.SequenceLength),
        Numbers.Rate(r.MeanRate), Numbers.Rate(r.MaxRate), Numbers.Plain(r.MaxLayer));

    private static VariantRowView Variant(VariantRow r) => new(
        r.Variant, Numbers.Plain(r.SequenceLength), r.Options.Length == 0 ? "–" : r.Options, Numbers.Integer(r.Violations),
        Numbers.Rate(r.MeanRate), r.Difference is { } d ? Numbers.Difference(d) : "–");

    /// <summary>
    /// The figures as <see cref="FigureSet.Plan"/> orders them: the three per-layer figures of
    /// each length (the primary length first, then the others ascending), then the one across
    /// lengths, then the one across variants.
    /// </summary>
    private static List<FigureGroupView> FigureGroups(IReadOnlyList<ModelSeries> models, FigureSettings settings, IReadOnlyList<Figure> figures)
    {
        if (figures.Count == 0)
        {
            return [];
        }

        int primary = FigureSet.PrimaryLength(models, settings);
        int[] lengths = [primary, .. models.SelectMany(m => m.SequenceLengths).Distinct().Where(l => l != primary).Order()];
        var all = figures.Select((f, i) => new FigureView(f.Name, f.Caption, ReportPage.InlineSvg(FigureFiles.Svg(f), i + 1))).ToArray();
        var inline = all.Where(f => f.Name != FigureSet.ByVariantName).ToArray();
        // With several lengths the last figure is the one across lengths (FigureSet.ByLengthName).
        int perLength = (inline.Length - (lengths.Length > 1 ? 1 : 0)) / lengths.Length;
        var groups = lengths.Select((length, i) => new FigureGroupView($"Sequence length {length}", inline[(i * perLength)..((i + 1) * perLength)])).ToList();
        if (inline.Length > lengths.Length * perLength)
        {
            groups.Add(new FigureGroupView("Across sequence lengths", inline[(lengths.Length * perLength)..]));
        }

        if (all.Length > inline.Length)
        {
            groups.Add(new FigureGroupView("Change from the default, per variant", [.. all.Where(f => f.Name == FigureSet.ByVariantName)]));
        }

        return groups;
    }

    private static LayerTableView LayerTable(SummaryRow row) => new(
        $"{Label(row)}, n = {row.SequenceLength}",
        $"layers-{row.ModelIndex}-{row.SequenceLength}",
        [.. row.Result.Layers.Select((l, i) => new LayerRowView(
            Numbers.Plain(i + 1), Numbers.Integer(l.ViolationsCount), Numbers.Rate(l.ViolationRate),
            Numbers.Error(l.AbsoluteError), Numbers.Error(l.AbsoluteErrorStd),
            Numbers.Error(l.RelativeError), Numbers.Error(l.RelativeErrorStd)))]);

    private static ProvenanceView Provenance(SummaryRow row, AppendixMetadata metadata)
    {
        var result = row.Result;
        var origin = metadata.Origins.For(result);
        return new ProvenanceView(
            Label(row),
            Numbers.Plain(row.SequenceLength),
            result.Input.Tensor is null ? origin.Input : $"{origin.Input} [{result.Input.Tensor}]",
            result.Input.Format,
            result.Input.Dtype,
            string.Join(" × ", result.Input.Shape),
            Numbers.Integer(result.Input.Bytes),
            result.Input.Fingerprint,
            string.Create(CultureInfo.InvariantCulture, $"slopes {result.Options.Slopes}, ε = {Numbers.Exact(result.Options.Epsilon)}, floor {Numbers.Exact(result.Options.RelativeFloor)}"),
            result.Tool.Engine,
            $"{result.Tool.Name} {result.Tool.Version} (analysis version {result.Tool.AnalysisVersion})",
            origin.Commit,
            origin.ShortCommit);
    }

    private static string Label(SummaryRow row) => row.DisplayLabel;
}
