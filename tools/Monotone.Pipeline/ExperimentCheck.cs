using Monotone.Results;

namespace Monotone.Pipeline;

/// <summary>One experiment recomputed by `verify` and compared with its committed result.</summary>
/// <param name="Unreadable">Why the committed result is invalid: it could not be read, or it claims an input (dtype, shape) other than the one it was recomputed from; null otherwise.</param>
/// <param name="CommittedInput">The input fingerprint the committed result records.</param>
/// <param name="RecomputedInput">The fingerprint of the input as hashed now.</param>
/// <param name="Differences">Fields outside the tolerances, per layer.</param>
public sealed record ExperimentCheck(Experiment Experiment, string? Unreadable, string? CommittedInput, string? RecomputedInput, IReadOnlyList<LayerDifference> Differences)
{
    public bool InputChanged => CommittedInput != RecomputedInput;

    public bool Reproduces => Unreadable is null && !InputChanged && Differences.Count == 0;
}
