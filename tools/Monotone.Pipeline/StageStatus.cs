namespace Monotone.Pipeline;

/// <summary>Whether one paper stage's outputs answer what they are made from now, and if not, why.</summary>
/// <param name="Stage">A paper stage (not <see cref="StageKind.Analysis"/>, which is per experiment: <see cref="ExperimentStatus"/>).</param>
/// <param name="Reasons">Why the stage is stale; empty when it is fresh.</param>
public sealed record StageStatus(StageKind Stage, IReadOnlyList<string> Reasons)
{
    public bool Fresh => Reasons.Count == 0;
}
