using System.CommandLine;
using System.Globalization;
using Monotone.Pipeline;
using Monotone.Tool.Console;
using Monotone.Tool.Json;
using Monotone.Tool.Paper;

namespace Monotone.Tool.Commands;

/// <summary>
/// <c>dotnet monotone verify</c>: recompute every experiment from its input, bypassing every cache,
/// and compare with the committed results, as `dvc metrics diff` would. The pipeline's
/// <see cref="Verification"/> does the work; this prints its report.
/// </summary>
internal sealed class VerifyCommand
{
    private readonly ManifestOption manifest = new();

    private readonly ToleranceOptions tolerances = new();

    private readonly EngineOverrideOptions engines = new("Recompute with this engine", "How many experiments to recompute at once");

    private readonly Option<bool> acceptKept = SharedOptions.Flag("--accept-kept", "Exit 0 even when results could not be recomputed because their input is not on this machine (they are still counted)");

    private readonly Option<bool> json = SharedOptions.Json("the outcome");

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
        var report = Verification.Run(
            loaded,
            engines.Engines(parse, console.Error.WriteLine),
            comparison,
            parse.GetValue(engines.Jobs),
            new PaperDrawing(loaded),
            console.Error.WriteLine,
            cancellation);

        var table = report.Checked.SelectMany(Rows).ToList();
        int recomputed = report.Checked.Count;
        bool unverified = report.Unrepairable.Count > 0 || (report.Kept.Count > 0 && !parse.GetValue(acceptKept));
        var code = report.Differing > 0 || report.StalePaperFiles.Count > 0 || unverified ? ExitCode.CheckFailed : ExitCode.Success;
        if (parse.GetValue(json))
        {
            VerifyJson.Write(console.Out, comparison, code == ExitCode.Success, VerifyJson.Experiments(report), report.StalePaperFiles);
            return code;
        }

        if (table.Count > 0)
        {
            TextTable.Write(console.Out, ["Experiment", "Layer", "Metric", "Committed", "Recomputed", "Change"], table);
            console.Out.WriteLine($"verify: {report.Differing} of {recomputed} experiments differ from their committed results");
        }
        else if (recomputed > 0)
        {
            console.Out.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"verify: {(recomputed == 1 ? "the one experiment reproduces" : $"all {recomputed} experiments reproduce")} (counts exact, floats within {comparison.Relative:G3} relative, {comparison.Absolute:G3} absolute)"));
        }
        else
        {
            console.Out.WriteLine("verify: no experiment could be recomputed here: no input is on this machine");
        }

        if (report.Kept.Count > 0)
        {
            console.Out.WriteLine(
                $"verify: {report.Kept.Count} of {report.Planned.Count} results kept without their input could not be recomputed ({string.Join(", ", report.Kept.Select(e => e.Key))})"
                + (parse.GetValue(acceptKept) ? "; accepted (--accept-kept)" : "; pass --accept-kept to accept that"));
        }

        foreach (var status in report.Unrepairable)
        {
            console.Out.WriteLine($"verify: {status.Experiment.Key} is stale and its input is not on this machine, so it cannot be recomputed ({string.Join("; ", status.Reasons)})");
        }

        foreach (string file in report.StalePaperFiles)
        {
            console.Out.WriteLine($"verify: {file} is stale: it differs from a render of the committed results (run `dotnet build`)");
        }

        return code;
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(ExperimentCheck check)
    {
        string key = check.Experiment.Key;
        if (check.Unreadable is not null)
        {
            yield return [key, "-", "result", check.Unreadable, "-", "-"];
            yield break;
        }

        if (check.InputChanged)
        {
            yield return [key, "-", "input", check.CommittedInput!, check.RecomputedInput!, "changed"];
        }

        foreach (var difference in check.Differences)
        {
            yield return DifferenceRow.Of(key, difference);
        }
    }
}
