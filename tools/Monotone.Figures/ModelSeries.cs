using Monotone.Results;

namespace Monotone.Figures;

/// <summary>
/// One model as the figures and the appendix show it: its label and its
/// results, one per sequence length, in manifest order. A result's sequence
/// length is its input's n (<c>Input.Shape[2]</c>).
/// </summary>
public sealed record ModelSeries(string Label, IReadOnlyList<MonotonicityResult> Results)
{
    /// <summary>
    /// The model's results under the study's named variants (docs/variants.md), in manifest order
    /// of the variants, then ascending length; <see cref="Results"/> are the default variant's.
    /// Empty for a study without variants, whose figures and tables show only <see cref="Results"/>.
    /// </summary>
    public IReadOnlyList<VariantResult> Variants { get; init; } = [];

    public IEnumerable<int> SequenceLengths => Results.Select(LengthOf);

    public MonotonicityResult? At(int sequenceLength) => Results.FirstOrDefault(r => LengthOf(r) == sequenceLength);

    public static int LengthOf(MonotonicityResult result) => checked((int)result.Input.Shape[2]);

    /// <summary>The notebook's headline per model: the mean of the per-layer violation rates.</summary>
    public static double MeanViolationRate(MonotonicityResult result) =>
        result.Layers.Count == 0 ? 0 : result.Layers.Average(l => l.ViolationRate);
}

/// <summary>What the caller may choose about the figures.</summary>
/// <param name="ShowStdError">The notebook's <c>show_std_error</c>: ±2σ bands around the error curves.</param>
/// <param name="PrimarySequenceLength">
/// The length whose figures get the notebook's file names; null means the first
/// model's first result's length.
/// </param>
public sealed record FigureSettings(bool ShowStdError = false, int? PrimarySequenceLength = null);
