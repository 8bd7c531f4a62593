using Monotone.Core;
using Monotone.Manifest;

namespace Monotone.Pipeline;

/// <summary>One model at one sequence length: an input, its options, and where its results go.</summary>
public sealed record Experiment(
    ModelEntry Model,
    int SequenceLength,
    ExperimentInput Input,
    string ResultPath,
    string CsvPath)
{
    public string Label => Model.Label;

    /// <summary>"mpt-7b/256": unique within a manifest, stable across runs.</summary>
    public string Key => $"{Model.Label}/{SequenceLength}";

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
