namespace Monotone.Pipeline;

/// <summary>What a run did.</summary>
/// <param name="Analysed">The experiments analysed, in manifest order.</param>
/// <param name="Kept">The results kept although their input is not on this machine (<see cref="ExperimentStatus.Kept"/>), in manifest order.</param>
/// <param name="Failed">The experiments that failed under `--keep-going`, in manifest order; empty otherwise.</param>
public sealed record RunSummary(IReadOnlyList<Experiment> Analysed, IReadOnlyList<ExperimentStatus> Kept, IReadOnlyList<ExperimentFailure> Failed)
{
    public static RunSummary Empty { get; } = new([], [], []);

    /// <summary>Whether the run rewrote experiments/results.csv (a result changed, or the table on disk differed from the results).</summary>
    public bool TableWritten { get; init; }

    /// <summary>
    /// "2 analysed, 1 fresh, 1 kept without their input, 1 failed; results.csv written": the run's counts, for its
    /// last line, and the table when it was written, so that a rewritten hand-edited table is never silent.
    /// </summary>
    /// <param name="experiments">How many experiments the run was given.</param>
    public string Counts(int experiments)
    {
        int fresh = experiments - Analysed.Count - Kept.Count - Failed.Count;
        return $"{Analysed.Count} analysed, {fresh} fresh{(Kept.Count > 0 ? $", {Kept.Count} kept without their input" : "")}{(Failed.Count > 0 ? $", {Failed.Count} failed" : "")}{(TableWritten ? $"; {ResultsTable.FileName} written" : "")}";
    }
}
