using System.CommandLine;
using Monotone.Pipeline;
using Monotone.Tool.Console;
using Monotone.Tool.Json;

namespace Monotone.Tool.Commands;

/// <summary><c>dotnet monotone run</c>: analyse every stale experiment of the manifest.</summary>
internal sealed class RunCommand
{
    private readonly StaleAnalysisOptionSet options = new();

    private readonly ExperimentSelectionOptions selection = new();

    private readonly Option<bool> force = SharedOptions.Flag("--force", "Analyse even the experiments whose results are fresh");

    private readonly Option<bool> json = SharedOptions.Json("what happened to each experiment");

    public Command Create(ToolConsole console)
    {
        var command = new Command("run", "Analyse every stale experiment of the manifest into experiments/<label>/<n>/")
        {
            options.Manifest.Option, selection.Only, options.Engines.Jobs, force, options.Engines.Engine, options.Engines.Device, selection.Shard, options.SkipHashing, options.KeepGoing.Option, json,
        };
        command.SetAction((parse, cancellation) => Task.FromResult((int)Execute(parse, console, cancellation)));
        return command;
    }

    private ExitCode Execute(ParseResult parse, ToolConsole console, CancellationToken cancellation)
    {
        var loaded = options.Manifest.Read(parse);
        var selected = selection.Select(parse, loaded);

        // Engines agree on every count and within 1e-9 on every float, so overriding the manifest's choice changes speed, not results.
        var engineFor = options.Engines.Engines(parse, console.Error.WriteLine);
        var summary = RunSummary.Empty;
        void Work(IRunObserver observer) =>
            summary = new ExperimentRunner(loaded, engineFor, observer, options.Hashing(parse))
                .Run(selected, parse.GetValue(options.Engines.Jobs), parse.GetValue(force), cancellation, parse.GetValue(options.KeepGoing.Option));

        AnalysisReport.Progress(console, Work);
        AnalysisReport.KeptWarnings(console, summary, loaded);

        console.Error.WriteLine($"monotone: {summary.Counts(selected.Count)}");
        if (parse.GetValue(json))
        {
            RunJson.Write(console.Out, loaded, selected, summary);
        }

        return KeepGoingOption.Report(console, summary, selected.Count);
    }
}
