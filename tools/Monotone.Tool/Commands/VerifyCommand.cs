using System.CommandLine;
using System.Globalization;
using Monotone.Core;
using Monotone.Engine;
using Monotone.Pipeline;
using Monotone.Results;
using Monotone.Tool.Console;
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

    public Command Create(ToolConsole console)
    {
        var command = new Command("verify", "Recompute every experiment and compare with the committed results; exit 1 on any difference")
        {
            manifest.Option, tolerances.Relative, tolerances.Absolute, engines.Engine, engines.Device, engines.Jobs, acceptKept,
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
        var rows = new (Experiment Experiment, IReadOnlyList<IReadOnlyList<string>> Rows)[experiments.Count];
        var index = experiments.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i);
        ParallelWork.ForEach(
            experiments,
            parse.GetValue(engines.Jobs),
            cancellation,
            (experiment, token) =>
            {
                console.Error.WriteLine($"{experiment.Key}: recomputing");
                rows[index[experiment]] = (experiment, Differences(experiment, runner.Recompute(experiment, token), comparison));
            });

        var table = rows.SelectMany(r => r.Rows).ToList();
        int differing = rows.Count(r => r.Rows.Count > 0);
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

        var stale = differing == 0 ? StalePaperFiles(loaded) : [];
        foreach (string file in stale)
        {
            console.Out.WriteLine($"verify: {file} is stale: it differs from a render of the committed results (run `dotnet build`)");
        }

        bool unverified = unrepairable.Count > 0 || (kept.Count > 0 && !parse.GetValue(acceptKept));
        return differing > 0 || stale.Count > 0 || unverified ? ExitCode.CheckFailed : ExitCode.Success;
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

    private static IReadOnlyList<IReadOnlyList<string>> Differences(Experiment experiment, MonotonicityResult recomputed, ResultComparison comparison)
    {
        MonotonicityResult committed;
        try
        {
            committed = ResultJson.Read(experiment.ResultPath);
        }
        catch (BadInputException e)
        {
            return [[experiment.Key, "-", "result", e.Problem, "-", "-"]];
        }

        var rows = new List<IReadOnlyList<string>>();
        if (committed.Input.Fingerprint != recomputed.Input.Fingerprint)
        {
            rows.Add([experiment.Key, "-", "input", committed.Input.Fingerprint, recomputed.Input.Fingerprint, "changed"]);
        }

        rows.AddRange(comparison.Compare(committed.Layers, recomputed.Layers).Select(d => DifferenceRow.Of(experiment.Key, d)));
        return rows;
    }
}
