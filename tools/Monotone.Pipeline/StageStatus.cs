namespace Monotone.Pipeline;

/// <summary>Whether one paper stage's outputs answer what they are made from now, and if not, why.</summary>
/// <param name="Stage">A paper stage (not <see cref="StageKind.Analysis"/>, which is per experiment: <see cref="ExperimentStatus"/>).</param>
/// <param name="Reasons">Why the stage is stale; empty when it is fresh.</param>
public sealed record StageStatus(StageKind Stage, IReadOnlyList<string> Reasons)
{
    /// <summary>The experiments (keys, manifest order) whose stale or missing results the stage waits for; empty when none.</summary>
    public IReadOnlyList<string> WaitsFor { get; init; } = [];

    public bool Fresh => Reasons.Count == 0;

    public StageFreshness Freshness => WaitsFor.Count > 0 ? StageFreshness.Waiting : Fresh ? StageFreshness.Fresh : StageFreshness.Stale;

    /// <summary>The reason of a stage or table that waits for the analysis of <paramref name="keys"/>.</summary>
    public static string Waiting(IEnumerable<string> keys) => $"waits for the analysis of {string.Join(", ", keys)}";
}
