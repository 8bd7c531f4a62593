namespace Monotone.Pipeline;

/// <summary>What a run did.</summary>
/// <param name="Analysed">The experiments analysed, in manifest order.</param>
/// <param name="Kept">The results kept although their input is not on this machine (<see cref="ExperimentStatus.Kept"/>), in manifest order.</param>
public sealed record RunSummary(IReadOnlyList<Experiment> Analysed, IReadOnlyList<ExperimentStatus> Kept);
