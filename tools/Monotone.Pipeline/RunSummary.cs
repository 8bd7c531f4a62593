namespace Monotone.Pipeline;

/// <summary>What a run did.</summary>
/// <param name="Analysed">The experiments analysed, in manifest order.</param>
/// <param name="Kept">The results kept although their input is not on this machine (<see cref="ExperimentStatus.Kept"/>), in manifest order.</param>
/// <param name="Failed">The experiments that failed under `--keep-going`, in manifest order; empty otherwise.</param>
public sealed record RunSummary(IReadOnlyList<Experiment> Analysed, IReadOnlyList<ExperimentStatus> Kept, IReadOnlyList<ExperimentFailure> Failed)
{
    public static RunSummary Empty { get; } = new([], [], []);
}
