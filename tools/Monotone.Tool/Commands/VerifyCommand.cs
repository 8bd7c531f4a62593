using System.CommandLine;
using System.Globalization;
using Monotone.Engine;
using Monotone.Pipeline;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.Tool.Console;
using Monotone.Tool.Json;
using Monotone.Tool.Paper;

namespace Monotone.Tool.Commands;

/// <summary>
/// <c>dotnet monotone verify</c>: recompute every experiment from its input, bypassing
/// every cache, and compare with the committed results, as `dvc metrics diff` would.
/// </summary>
internal sealed class VerifyCommand
{
    private readonly ManifestOption manifest = new();

    private readonly ToleranceOptions tolerances = new();

    private readonly EngineOverrideOptions engines = new("Recompute with this engine", "How many experiments to recompute at once");

    private readonly Option<bool> acceptKept = new("--accept-kept")
    {
        Description = "Exit 0 even when results could not be recomputed because their input is not on this machine (they are still counted)",
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "Write the outcome as JSON on standard output (docs/json.md)",
    };

    public Command Create(ToolConsole console)
    {
        var command = new Command("verify", "Recompute every experiment and compare with the committed results; exit 1 on any difference")
        {
            manifest.Option, tolerances.Relative, tolerances.Absolute, engines.Engine, engines.Device, engines.Jobs, acceptKept, json,
        };
        command.SetAction((parse, cancellation) => Task.FromResult((int)Execute(parse, console, cancellation)));
        return command;
    }

    private ExitCode Execute(ParseResult parse, ToolConsole console, CancellationToken cancellation)
    {
        var loaded = manifest.Read(parse);
        var comparison = tolerances.Comparison(parse);
        var runner = new ExperimentRunner(loaded, engines.Engines(parse, console.Error.WriteLine), NoProgress.Instance);
        var planned = ExperimentPlan.From(loaded);

        // A result whose input is not here cannot be recomputed: it is counted, never passed over in silence.
        // Only a result that is otherwise fresh is kept (docs/record.md); one that is stale or invalid
        // without its input cannot be vouched for, and --accept-kept does not accept it.
        var absent = planned.Where(e => e.Input is FileInput file && !Path.Exists(file.Path)).ToList();
        var checker = new StatusChecker(loaded);
        var unrepairable = absent.Select(e => (Experiment: e, Status: checker.Status(e))).Where(p => !p.Status.Fresh).ToList();
        var kept = absent.Except(unrepairable.Select(p => p.Experiment)).ToList();
        var experiments = planned.Except(absent).ToList();
        var checks = new VerifyJson.VerifiedExperiment[experiments.Count];
        var index = experiments.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i);
        ParallelWork.ForEach(
            experiments,
            parse.GetValue(engines.Jobs),
            cancellation,
            (experiment, token) =>
            {
                console.Error.WriteLine($"{experiment.Key}: recomputing");
                checks[index[experiment]] = Differences(experiment, runner.Recompute(experiment, token), comparison);
            });

        int differing = checks.Count(c => c.Outcome == VerifyOutcome.Differs);
        var stale = differing == 0 ? StalePaperFiles(loaded) : [];
        bool unverified = unrepairable.Count > 0 || (kept.Count > 0 && !parse.GetValue(acceptKept));
        var code = differing > 0 || stale.Count > 0 || unverified ? ExitCode.CheckFailed : ExitCode.Success;
        if (parse.GetValue(json))
        {
            // In manifest order; an experiment not recomputed is kept, or unverifiable with its reasons.
            var reasons = unrepairable.ToDictionary(p => p.Experiment, p => string.Join("; ", p.Status.Reasons));
            VerifyJson.Write(
                console.Out,
                comparison,
                code == ExitCode.Success,
                [
                    .. planned.Select(e => index.TryGetValue(e, out int i) ? checks[i]
                        : new VerifyJson.VerifiedExperiment(e.Key, reasons.ContainsKey(e) ? VerifyOutcome.Unverifiable : VerifyOutcome.Kept, reasons.GetValueOrDefault(e), null, [])),
                ],
                stale);
            return code;
        }

        var table = checks.SelectMany(Rows).ToList();
        if (table.Count > 0)
        {
            TextTable.Write(console.Out, ["Experiment", "Layer", "Metric", "Committed", "Recomputed", "Change"], table);
            console.Out.WriteLine($"verify: {differing} of {experiments.Count} experiments differ from their committed results");
        }
        else if (experiments.Count > 0)
        {
            console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"verify: all {experiments.Count} experiments reproduce (counts exact, floats within {comparison.Relative:G3} relative, {comparison.Absolute:G3} absolute)"));
        }
        else
        {
            console.Out.WriteLine("verify: no experiment could be recomputed here: no input is on this machine");
        }

        if (kept.Count > 0)
        {
            console.Out.WriteLine(
                $"verify: {kept.Count} of {planned.Count} results kept without their input could not be recomputed ({string.Join(", ", kept.Select(e => e.Key))})"
                + (parse.GetValue(acceptKept) ? "; accepted (--accept-kept)" : "; pass --accept-kept to accept that"));
        }

        foreach (var (experiment, status) in unrepairable)
        {
            console.Out.WriteLine($"verify: {experiment.Key} is stale and its input is not on this machine, so it cannot be recomputed ({string.Join("; ", status.Reasons)})");
        }

        foreach (string file in stale)
        {
            console.Out.WriteLine($"verify: {file} is stale: it differs from a render of the committed results (run `dotnet build`)");
        }

        return code;
    }

    // Figures, the appendix and its LaTeX are build outputs: stale ones mean the paper shows other
    // numbers than the record. The report is left out: its stage table is a snapshot of this
    // machine (which inputs are here), not of the record, so a clone without the tensors would
    // always find it "stale".
    private static IReadOnlyList<string> StalePaperFiles(Manifest.Manifest manifest)
    {
        var inputs = PaperInputs.Load(manifest);
        return
        [
            .. PaperFiles.Figures(inputs).Concat(PaperFiles.Appendix(inputs))
                .Where(file => file.Path != inputs.ReportPath && !file.IsCurrent())
                .Select(file => Path.GetRelativePath(manifest.Folder, file.Path)),
        ];
    }

    private static VerifyJson.VerifiedExperiment Differences(Experiment experiment, MonotonicityResult recomputed, ResultComparison comparison)
    {
        MonotonicityResult committed;
        try
        {
            committed = ResultJson.Read(experiment.ResultPath);
        }
        catch (BadInputException e)
        {
            return VerifyJson.Recomputed(experiment.Key, e.Problem, null, []);
        }

        var input = committed.Input.Fingerprint == recomputed.Input.Fingerprint ? null : new VerifyJson.InputChange(committed.Input.Fingerprint, recomputed.Input.Fingerprint);
        return VerifyJson.Recomputed(experiment.Key, null, input, comparison.Compare(committed.Layers, recomputed.Layers));
    }

    // The table's rows for one recomputed experiment; none when it reproduces.
    private static IEnumerable<IReadOnlyList<string>> Rows(VerifyJson.VerifiedExperiment check)
    {
        if (check.Problem is { } problem)
        {
            yield return [check.Key, "-", "result", problem, "-", "-"];
        }

        if (check.Input is { } input)
        {
            yield return [check.Key, "-", "input", input.Committed, input.Recomputed, "changed"];
        }

        foreach (var d in check.Differences)
        {
            yield return DifferenceRow.Of(check.Key, new LayerDifference(d.Layer ?? 0, d.Field, d.Committed, d.Recomputed));
        }
    }
}
