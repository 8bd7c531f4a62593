namespace Monotone.Report;

// What the template sees: every value already formatted as text, so that the template only
// places strings (Fluid encodes each one) and numbers are written exactly as in the appendix.

internal sealed record ReportView(
    string Title,
    string Authors,
    IReadOnlyList<string> Introduction,
    string Generator,
    bool AnySynthetic,
    IReadOnlyList<SummaryView> Summary,
    IReadOnlyList<VariantTableView> Variants,
    IReadOnlyList<FigureGroupView> FigureGroups,
    IReadOnlyList<LayerTableView> LayerTables,
    IReadOnlyList<ProvenanceView> Provenance,
    IReadOnlyList<StageView> Stages,
    int StaleCount);

internal sealed record SummaryView(string Model, string Layers, string Heads, string SequenceLength, string MeanRate, string MaxRate, string MaxLayer);

/// <summary>A model's rows of the Variants table (docs/variants.md), as the appendix's.</summary>
internal sealed record VariantTableView(string Heading, IReadOnlyList<VariantRowView> Rows);

internal sealed record VariantRowView(string Variant, string SequenceLength, string Options, string Violations, string MeanRate, string Difference);

internal sealed record FigureGroupView(string Heading, IReadOnlyList<FigureView> Figures);

/// <param name="Svg">The figure's SVG element, made by Monotone.Figures; inserted as markup.</param>
internal sealed record FigureView(string Name, string Caption, string Svg);

internal sealed record LayerTableView(string Heading, string Anchor, IReadOnlyList<LayerRowView> Rows);

internal sealed record LayerRowView(string Layer, string Violations, string Rate, string AbsoluteError, string AbsoluteStd, string RelativeError, string RelativeStd);

internal sealed record ProvenanceView(
    string Model,
    string SequenceLength,
    string Input,
    string Format,
    string Dtype,
    string Shape,
    string Bytes,
    string Fingerprint,
    string Options,
    string Engine,
    string Tool,
    string Commit,
    string ShortCommit);

internal sealed record StageView(string Stage, string Subject, string State, bool Current, string Detail);
