using Monotone.Core;
using Monotone.Engine;
using Monotone.Results;
using Monotone.TensorInput;

namespace Monotone.Pipeline;

/// <summary>
/// `verify`: recompute every experiment from its input, bypassing every cache, and compare with
/// the committed results within the notebook's tolerances (`dvc metrics diff`), then check that
/// the paper's files equal a render of those results. Writes nothing.
/// </summary>
public static class Verification
{
    /// <param name="drawing">Renders the paper stages for the comparison with the files on disk.</param>
    /// <param name="say">Told as each experiment is recomputed.</param>
    public static VerificationReport Run(
        Manifest.Manifest manifest,
        Func<string?, IMonotonicityEngine> engines,
        ResultComparison comparison,
        int jobs,
        IPaperDrawing drawing,
        Action<string> say,
        CancellationToken cancellation)
    {
        var runner = new ExperimentRunner(manifest, engines, NoProgress.Instance);
        var planned = ExperimentPlan.From(manifest);

        // A result whose input is not here cannot be recomputed: it is counted, never passed over in silence.
        // Only a result that is otherwise fresh is kept (docs/record.md); one that is stale or invalid
        // without its input cannot be vouched for, and --accept-kept does not accept it.
        var absent = planned.Where(e => e.Input is FileInput file && !Path.Exists(file.Path)).ToList();
        var checker = new StatusChecker(manifest);
        var unrepairable = absent.Select(e => checker.Status(e)).Where(s => !s.Fresh).ToList();
        var kept = absent.Except(unrepairable.Select(s => s.Experiment)).ToList();
        var experiments = planned.Except(absent).ToList();
        var checks = new ExperimentCheck[experiments.Count];
        var index = experiments.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i);
        ParallelWork.ForEach(
            experiments,
            jobs,
            cancellation,
            (experiment, token) =>
            {
                // A model added to the manifest but never run has nothing to reproduce: it differs.
                if (!Path.Exists(experiment.ResultPath))
                {
                    checks[index[experiment]] = new ExperimentCheck(experiment, "no result yet", null, null, []);
                    return;
                }

                say($"{experiment.Key}: recomputing");
                checks[index[experiment]] = Compare(experiment, runner.Recompute(experiment, token), comparison);
            });

        bool differing = checks.Any(c => !c.Reproduces);
        return new VerificationReport(planned, checks, kept, unrepairable, differing ? [] : StalePaperFiles(manifest, drawing));
    }

    // Figures, the appendix and its LaTeX are build outputs: stale ones mean the paper shows other
    // numbers than the record. The report is left out: its stage table is a snapshot of this
    // machine (which inputs are here), not of the record, so a clone without the tensors would
    // always find it "stale".
    private static IReadOnlyList<string> StalePaperFiles(Manifest.Manifest manifest, IPaperDrawing drawing) =>
    [
        .. StageNames.Paper.SelectMany(drawing.Plan)
            .Where(file => Path.GetFileName(file.Path) != "report.html" && !(File.Exists(file.Path) && File.ReadAllBytes(file.Path).AsSpan().SequenceEqual(file.Content())))
            .Select(file => Path.GetRelativePath(manifest.Folder, file.Path)),
        .. ResultsTable.Status(manifest).Count > 0 ? [Path.GetRelativePath(manifest.Folder, ResultsTable.PathOf(manifest))] : Array.Empty<string>(),
    ];

    private static ExperimentCheck Compare(Experiment experiment, MonotonicityResult recomputed, ResultComparison comparison)
    {
        MonotonicityResult committed;
        try
        {
            committed = ResultJson.Read(experiment.ResultPath);
        }
        catch (BadInputException e)
        {
            return new ExperimentCheck(experiment, e.Problem, null, null, []);
        }

        // A result that claims an input it was not computed from (another dtype or shape than the
        // input has) is invalid, whatever its numbers: it is reported as such, not compared.
        // A changed input (another fingerprint) is reported as that instead.
        bool sameInput = committed.Input.Fingerprint == recomputed.Input.Fingerprint;
        string? claim = !sameInput ? null
            : committed.Input.Dtype != recomputed.Input.Dtype ? $"input.dtype is {committed.Input.Dtype}, but the input holds {recomputed.Input.Dtype}"
            : !committed.Input.Shape.SequenceEqual(recomputed.Input.Shape) ? $"input.shape is [{string.Join(", ", committed.Input.Shape)}], but the input is [{string.Join(", ", recomputed.Input.Shape)}]"
            : null;
        return new ExperimentCheck(
            experiment,
            claim,
            committed.Input.Fingerprint,
            recomputed.Input.Fingerprint,
            comparison.Compare(committed.Layers, recomputed.Layers));
    }
}
