namespace Monotone.Pipeline;

/// <summary>What `repro` did.</summary>
/// <param name="Experiments">Every experiment of the manifest.</param>
/// <param name="Analysis">What the analysis stage did (empty when it was not asked for, or in a dry run).</param>
/// <param name="Made">The paper stages that were stale and were made, in order.</param>
public sealed record ReproSummary(IReadOnlyList<Experiment> Experiments, RunSummary Analysis, IReadOnlyList<StageRun> Made);
