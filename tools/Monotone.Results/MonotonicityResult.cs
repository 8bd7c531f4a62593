using Monotone.Core;

namespace Monotone.Results;

/// <summary>
/// One experiment's result file (docs/design.md §4): the per-layer statistics under the
/// notebook's names, and everything needed to say where they came from. Nothing
/// in it depends on the clock or the machine, so it can be committed.
/// </summary>
public sealed record MonotonicityResult(
    string Format,
    ToolProvenance Tool,
    InputProvenance Input,
    OptionsProvenance Options,
    IReadOnlyList<LayerStats> Layers)
{
    public const string CurrentFormat = "monotone-result/1";
}

/// <summary>What computed the result.</summary>
/// <param name="Engine">The engine that ran; engines agree on every count, and on every float within 1e-9 relative.</param>
public sealed record ToolProvenance(string Name, string Version, int AnalysisVersion, string Engine);

/// <summary>What was analysed.</summary>
/// <param name="Path">As given on the command line or resolved from the manifest.</param>
/// <param name="Tensor">The tensor chosen inside a file holding several; null otherwise.</param>
public sealed record InputProvenance(
    string Path,
    string Format,
    string? Tensor,
    string Fingerprint,
    long Bytes,
    IReadOnlyList<long> Shape,
    string Dtype);

/// <summary>The analysis options that shaped the numbers.</summary>
public sealed record OptionsProvenance(
    string Slopes,
    IReadOnlyList<double> SlopeValues,
    double Epsilon,
    double RelativeFloor);
