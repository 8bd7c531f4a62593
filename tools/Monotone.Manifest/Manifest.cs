using Monotone.Core;

namespace Monotone.Manifest;

/// <summary>experiments.yaml, validated and with every per-model setting resolved.</summary>
/// <param name="Path">The manifest's full path; result and paper folders are relative to its folder.</param>
public sealed record Manifest(
    string Path,
    DocumentInfo Document,
    FigureOptions Figures,
    IReadOnlyList<ModelEntry> Models)
{
    public string Folder => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The named variants (docs/variants.md), in manifest order; the default variant is <see cref="Models"/> itself and is not listed.</summary>
    public IReadOnlyList<Variant> Variants { get; init; } = [];

    /// <summary>The manifest's name as messages show it: relative to the current folder when inside it.</summary>
    public string DisplayPath => DisplayPaths.For(Path);
}

/// <summary>What the appendix says about itself: title, authors, introduction.</summary>
public sealed record DocumentInfo(string Title, IReadOnlyList<string> Authors, string Introduction);

/// <summary>How figures are drawn; changing these redraws figures but never re-runs analysis.</summary>
/// <param name="ShowStdError">Draw ±2σ bands around the error curves, as the notebook's show_std_error.</param>
/// <param name="SequenceLength">The length whose figures get the notebook's file names; null: the first model's first.</param>
public sealed record FigureOptions(bool ShowStdError, int? SequenceLength);

/// <summary>One model of the study.</summary>
/// <param name="Id">The model's hub id, e.g. "bigscience/bloom".</param>
/// <param name="Label">Its name in figures and tables, and its folder under experiments/.</param>
/// <param name="Layers">Expected layer count: required for synthetic inputs, checked against real ones.</param>
/// <param name="Location">Where the model's entry starts, for messages about it.</param>
public sealed record ModelEntry(
    string Id,
    string Label,
    int? Layers,
    int? Heads,
    ModelSettings Settings,
    SourceLocation Location)
{
    /// <summary>The upstream measurement code's folder name: the id with '/' as '_'.</summary>
    public string FolderName => Id.Replace('/', '_');
}

/// <summary>Where a model's tensors come from.</summary>
public enum DataSource
{
    /// <summary>Tensor files under the data root (the upstream layout by default).</summary>
    Files,

    /// <summary>Deterministic generated tensors with the model's shape, for demos and CI.</summary>
    Synthetic,
}

/// <summary>A model's settings after per-model overrides are applied.</summary>
/// <param name="Root">The data root, environment variables expanded; empty for synthetic data.</param>
/// <param name="Layout">Where an input lies: placeholders {root}, {model_dir}, {model_id}, {label}, {sequence_length}, {file}.</param>
/// <param name="Tensor">Which tensor in a file that holds several; null for files holding one.</param>
/// <param name="Seed">Varies the synthetic generator's output.</param>
/// <param name="Engine">The engine the manifest asks for; null leaves the choice to the tool.</param>
public sealed record ModelSettings(
    DataSource Source,
    string Root,
    string File,
    string Layout,
    string? Tensor,
    int Seed,
    IReadOnlyList<int> SequenceLengths,
    AnalysisOptions Analysis,
    string? Engine);

internal static class DisplayPaths
{
    public static string For(string path)
    {
        string relative = System.IO.Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
