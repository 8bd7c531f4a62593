namespace Monotone.Pipeline;

/// <summary>What `verify` found.</summary>
/// <param name="Planned">Every experiment of the manifest.</param>
/// <param name="Checked">The experiments recomputed (those whose input is here), in manifest order.</param>
/// <param name="Kept">Fresh results whose input is not here: counted, not recomputed.</param>
/// <param name="Unrepairable">Stale or invalid results whose input is not here: they cannot be vouched for.</param>
/// <param name="StalePaperFiles">Paper files (relative to the manifest's folder) that differ from a render of the results, experiments/results.csv included; only checked when every result reproduces.</param>
public sealed record VerificationReport(
    IReadOnlyList<Experiment> Planned,
    IReadOnlyList<ExperimentCheck> Checked,
    IReadOnlyList<Experiment> Kept,
    IReadOnlyList<ExperimentStatus> Unrepairable,
    IReadOnlyList<string> StalePaperFiles)
{
    public int Differing => Checked.Count(c => !c.Reproduces);
}
