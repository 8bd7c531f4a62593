using Monotone.Core;
using Monotone.Engine;

namespace Monotone.Pipeline;

/// <summary>
/// The whole pipeline outside and inside MSBuild: analysis, then figures, LaTeX and appendix,
/// each only when stale (docs/build-internals.md). `dotnet monotone repro` runs it, and the
/// MSBuild targets run it one stage at a time through the same command, so there is one
/// implementation of what runs when.
/// </summary>
/// <param name="engines">The engine for an experiment, by the manifest's name (null: the default).</param>
/// <param name="say">Told what runs and why, one line each.</param>
public sealed class Repro(Manifest.Manifest manifest, Func<string?, IMonotonicityEngine> engines, IRunObserver observer, IPaperDrawing drawing, Action<string> say)
{
    /// <summary>Runs the stale parts of <paramref name="request"/>'s stages, in stage order.</summary>
    public ReproSummary Run(ReproRequest request, CancellationToken cancellation)
    {
        var experiments = ExperimentPlan.From(manifest);
        if (request.DryRun)
        {
            return Plan(request, experiments);
        }

        var analysis = request.Stages.Contains(StageKind.Analysis)
            ? new ExperimentRunner(manifest, engines, observer, request.Hashing).Run(experiments, request.Jobs, force: false, cancellation, request.KeepGoing)
            : RunSummary.Empty;
        // Made on first use: `--stage analysis` (the build's first step) checks no paper stage.
        PaperStages? paper = null;
        var made = new List<StageRun>();
        foreach (var stage in StageNames.Paper.Where(request.Stages.Contains))
        {
            if (analysis.Failed.Count > 0)
            {
                // They draw every result; some would be missing or out of date.
                say($"monotone: {stage.Name()}: not made, because the analysis of {string.Join(", ", analysis.Failed.Select(f => f.Experiment.Key))} failed");
                continue;
            }

            paper ??= new PaperStages(manifest, drawing, say);
            if (paper.MakeIfStale(stage, out var status) is { } run)
            {
                say($"monotone: {stage.Name()}: {run.Written} written, {run.Unchanged} unchanged ({string.Join("; ", status.Reasons)})");
                made.Add(run);
            }
            else
            {
                say($"monotone: {stage.Name()}: fresh");
            }
        }

        // The table is written only when every experiment has a valid result (a partial table
        // would pass for the whole study); the summary says so, as the dry run did.
        IReadOnlyList<string> noResult = [];
        if (request.Stages.Contains(StageKind.Analysis))
        {
            ResultsTable.Render(manifest, out noResult);
        }

        return new ReproSummary(experiments, analysis, made) { TableNotWrittenFor = noResult };
    }

    /// <summary>"results.csv: not written while K has no valid result", for the dry run, the run and its summary alike.</summary>
    public static string NotWritten(IReadOnlyList<string> keys) =>
        $"{ResultsTable.FileName}: not written while {string.Join(", ", keys)} {(keys.Count == 1 ? "has" : "have")} no valid result";

    // What would run and why; writes nothing but the fingerprint memo (machine-local, as `status`).
    private ReproSummary Plan(ReproRequest request, IReadOnlyList<Experiment> experiments)
    {
        var analysed = new List<string>();
        var failing = new List<string>();
        var noResult = new List<string>();
        if (request.Stages.Contains(StageKind.Analysis))
        {
            var checker = new StatusChecker(manifest, request.Hashing);
            foreach (var experiment in experiments)
            {
                var status = checker.Status(experiment);
                if (!status.Fresh)
                {
                    (status.InputAbsent ? failing : analysed).Add(experiment.Key);
                }

                // A failed analysis leaves a valid older result in place; only none at all keeps the table unwritten.
                if (!status.Fresh && status.InputAbsent && status.Result is null)
                {
                    noResult.Add(experiment.Key);
                }

                say(status.Fresh
                    ? $"{experiment.Key}: fresh{status.Note}"
                    : status.InputAbsent
                        ? $"{experiment.Key}: would fail: its input is not on this machine ({string.Join("; ", status.Reasons)})"
                        : $"{experiment.Key}: would analyse ({string.Join("; ", status.Reasons)})");
            }

            var table = ResultsTable.Status(manifest);
            say(noResult.Count > 0 ? $"monotone: {NotWritten(noResult)}"
                : table.Count > 0 ? $"monotone: {ResultsTable.FileName}: would be written ({string.Join("; ", table)})"
                : analysed.Count + failing.Count > 0 ? $"monotone: {ResultsTable.FileName}: would be written after the analysis if a result changes"
                : $"monotone: {ResultsTable.FileName}: fresh");
        }

        StageChecker? stages = null;
        foreach (var stage in StageNames.Paper.Where(request.Stages.Contains))
        {
            stages ??= new StageChecker(manifest, drawing.CodeIdentity);
            var status = stages.Status(stage);
            say(failing.Count > 0 ? $"monotone: {stage.Name()}: would not be made, because the analysis of {string.Join(", ", failing)} would fail"
                : status.Fresh && analysed.Count == 0 ? $"monotone: {stage.Name()}: fresh"
                : status.Fresh ? $"monotone: {stage.Name()}: would be made after the analysis if a result changes"
                : $"monotone: {stage.Name()}: would be made ({string.Join("; ", status.Reasons)})");
        }

        return new ReproSummary(experiments, RunSummary.Empty, []) { TableNotWrittenFor = noResult };
    }
}
