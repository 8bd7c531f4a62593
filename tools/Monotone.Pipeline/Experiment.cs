using Monotone.Core;
using Monotone.Manifest;

namespace Monotone.Pipeline;

/// <summary>One model at one sequence length under one variant (docs/variants.md): an input, its options, and where its results go.</summary>
/// <param name="Model">The model, its settings resolved for <see cref="Variant"/>.</param>
public sealed record Experiment(
    ModelEntry Model,
    int SequenceLength,
    ExperimentInput Input,
    string ResultPath,
    string CsvPath)
{
    public string Label => Model.Label;

    /// <summary>The variant's name; <see cref="Monotone.Manifest.Variant.DefaultName"/> for the study's own options.</summary>
    public string Variant { get; init; } = Monotone.Manifest.Variant.DefaultName;

    /// <summary>Whether this is the study's own option set, whose key and folder carry no variant.</summary>
    public bool IsDefaultVariant => Variant == Monotone.Manifest.Variant.DefaultName;

    /// <summary>
    /// "mpt-7b/256", or "mpt-7b/256@epsilon-1e-6" for a named variant: unique within a manifest,
    /// stable across runs ('@' never occurs in a label or a variant name).
    /// </summary>
    public string Key => IsDefaultVariant ? $"{Model.Label}/{SequenceLength}" : $"{Model.Label}/{SequenceLength}@{Variant}";

    public AnalysisOptions Options => Model.Settings.Analysis;

    /// <summary>The engine the manifest asks for; null for the tool's default.</summary>
    public string? Engine => Model.Settings.Engine;
}

/// <summary>Where an experiment's tensor comes from.</summary>
public abstract record ExperimentInput;

/// <param name="Path">The resolved file path.</param>
/// <param name="Tensor">Which tensor inside the file, when it holds several.</param>
public sealed record FileInput(string Path, string? Tensor) : ExperimentInput;

internal sealed record SyntheticInput(string ModelId, int Layers, int Heads, int SequenceLength, int Seed) : ExperimentInput;
