namespace Monotone.Pipeline;

/// <summary>What `repro` is asked to do.</summary>
/// <param name="Stages">The stages to consider (all four by default); each runs only when stale.</param>
/// <param name="DryRun">Say what would run and why; write nothing.</param>
/// <param name="KeepGoing">Go past an experiment that fails and analyse the others (<see cref="ExperimentRunner.Run"/>).</param>
/// <param name="Jobs">Experiments analysed at once (at least 1).</param>
public sealed record ReproRequest(IReadOnlySet<StageKind> Stages, bool DryRun, bool KeepGoing, int Jobs, InputHashing Hashing = InputHashing.Remembered)
{
    public static IReadOnlySet<StageKind> AllStages { get; } = new HashSet<StageKind>(Enum.GetValues<StageKind>());
}
