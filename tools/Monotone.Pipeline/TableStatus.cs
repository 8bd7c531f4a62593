namespace Monotone.Pipeline;

/// <summary>Whether experiments/results.csv (<see cref="ResultsTable"/>) answers the results, and if not, why; the same rule as <see cref="StageStatus"/>.</summary>
/// <param name="Reasons">Why the table is stale; empty when it is fresh.</param>
/// <param name="WaitsFor">The experiments whose stale or missing results the table waits for; empty when none.</param>
public sealed record TableStatus(IReadOnlyList<string> Reasons, IReadOnlyList<string> WaitsFor)
{
    public bool Fresh => Reasons.Count == 0;

    public StageFreshness Freshness => WaitsFor.Count > 0 ? StageFreshness.Waiting : Fresh ? StageFreshness.Fresh : StageFreshness.Stale;

    /// <param name="waiting">The experiments (keys) whose results are stale or missing now.</param>
    public static TableStatus Of(Manifest.Manifest manifest, IReadOnlyList<string> waiting) =>
        waiting.Count > 0 ? new TableStatus([StageStatus.Waiting(waiting)], waiting) : new TableStatus(ResultsTable.Status(manifest), []);
}
