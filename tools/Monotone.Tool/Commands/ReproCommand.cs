using System.CommandLine;
using Monotone.Pipeline;
using Monotone.Tool.Console;
using Monotone.Tool.Paper;

namespace Monotone.Tool.Commands;

/// <summary>
/// <c>dotnet monotone repro</c>: the whole pipeline, each stage only when stale, exactly as
/// <c>dotnet build</c> runs it (the build's targets call this command one stage at a time;
/// <see cref="Repro"/> is the one implementation).
/// </summary>
internal sealed class ReproCommand
{
    private readonly StaleAnalysisOptionSet options = new();

    private readonly Option<StageKind[]> stages = SharedOptions.Several<StageKind>(
        "--stage",
        "Run only these stages (analysis, figures, latex, appendix), each still only when stale; default: all, in that order");

    private readonly Option<bool> dryRun = SharedOptions.Flag("--dry-run", "Print what would run and why, and write nothing", "-n");

    public Command Create(ToolConsole console)
    {
        var command = new Command("repro", "Bring every stage up to date: analysis, figures, LaTeX and appendix, each only when stale, as `dotnet build` does")
        {
            options.Manifest.Option, stages, dryRun, options.KeepGoing.Option, options.Engines.Jobs, options.Engines.Engine, options.Engines.Device, options.SkipHashing,
        };
        command.SetAction((parse, cancellation) => Task.FromResult((int)Execute(parse, console, cancellation)));
        return command;
    }

    private ExitCode Execute(ParseResult parse, ToolConsole console, CancellationToken cancellation)
    {
        var loaded = options.Manifest.Read(parse);
        var asked = parse.GetValue(stages) is { Length: > 0 } named ? named.ToHashSet() : ReproRequest.AllStages;
        bool dry = parse.GetValue(dryRun);
        var request = new ReproRequest(
            asked,
            dry,
            parse.GetValue(options.KeepGoing.Option),
            parse.GetValue(options.Engines.Jobs),
            options.Hashing(parse));

        // A dry run's plan is the command's answer (standard output); a run's lines are progress.
        var say = dry ? console.Out.WriteLine : (Action<string>)console.Error.WriteLine;
        var engineFor = options.Engines.Engines(parse, console.Error.WriteLine);
        var drawing = new PaperDrawing(loaded);
        var summary = new ReproSummary([], RunSummary.Empty, []);
        void Work(IRunObserver observer) =>
            summary = new Repro(loaded, engineFor, observer, drawing, say).Run(request, cancellation);

        AnalysisReport.Progress(console, Work, live: !dry && asked.Contains(StageKind.Analysis));

        if (dry)
        {
            return ExitCode.Success;
        }

        var analysis = summary.Analysis;
        AnalysisReport.KeptWarnings(console, analysis, loaded);

        if (asked.Contains(StageKind.Analysis))
        {
            string table = summary.TableNotWrittenFor.Count > 0 ? $"; {Repro.NotWritten(summary.TableNotWrittenFor)}" : "";
            // The build asks for the analysis alone, then for each paper stage: a count of paper
            // stages there would read "0 made" just before the build makes them.
            string made = asked.Any(stage => stage != StageKind.Analysis) ? $"; {summary.Made.Count} paper stages made" : "";
            console.Error.WriteLine($"monotone: {analysis.Counts(summary.Experiments.Count)}{made}{table}");
        }

        return KeepGoingOption.Report(console, analysis, summary.Experiments.Count);
    }
}
