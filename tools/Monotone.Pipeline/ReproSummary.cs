namespace Monotone.Pipeline;

/// <summary>What `repro` did.</summary>
/// <param name="Experiments">Every experiment of the manifest.</param>
/// <param name="Analysis">What the analysis stage did (empty when it was not asked for, or in a dry run).</param>
/// <param name="Made">The paper stages that were stale and were made, in order.</param>
public sealed record ReproSummary(IReadOnlyList<Experiment> Experiments, RunSummary Analysis, IReadOnlyList<StageRun> Made)
{
    /// <summary>The experiments without a valid result, which kept experiments/results.csv from being written (<see cref="Repro.NotWritten"/>); empty when it was written or fresh.</summary>
    public IReadOnlyList<string> TableNotWrittenFor { get; init; } = [];
}
