namespace Monotone.Pipeline;

/// <summary>
/// `status`: every experiment, then what is derived from the results (the paper stages and
/// experiments/results.csv), by one rule: an output made from a stale or missing result waits for
/// that analysis, whatever made the result stale (an option changed, a model added, an input edited).
/// </summary>
/// <param name="Experiments">In manifest order.</param>
/// <param name="Stages">The paper stages, in the order the pipeline makes them.</param>
public sealed record PipelineStatus(IReadOnlyList<ExperimentStatus> Experiments, IReadOnlyList<StageStatus> Stages, TableStatus Table)
{
    /// <summary>Anything to do: `status --check` fails.</summary>
    public bool Stale => Experiments.Any(e => !e.UpToDate) || Stages.Any(s => !s.Fresh) || !Table.Fresh;

    /// <param name="code">The drawing code's identity (<see cref="StageChecker"/>).</param>
    public static PipelineStatus Of(Manifest.Manifest manifest, StatusChecker checker, string? code)
    {
        var experiments = ExperimentPlan.From(manifest).Select(e => checker.Status(e)).ToList();
        var waiting = experiments.Where(s => !s.Fresh).Select(s => s.Experiment.Key).ToList();
        var stages = new StageChecker(manifest, code);
        return new PipelineStatus(experiments, [.. StageNames.Paper.Select(s => stages.Status(s, waiting))], TableStatus.Of(manifest, waiting));
    }
}
