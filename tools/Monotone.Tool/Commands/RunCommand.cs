using System.CommandLine;
using Monotone.Pipeline;
using Monotone.Tool.Console;
using Monotone.Tool.Json;

namespace Monotone.Tool.Commands;

/// <summary><c>dotnet monotone run</c>: analyse every stale experiment of the manifest.</summary>
internal sealed class RunCommand
{
    private readonly ManifestOption manifest = new();

    private readonly Option<string[]> only = SharedOptions.Several<string>(
        "--only",
        "Run only these models (label), experiments (label/sequence_length, label/sequence_length@variant) or variants (@variant, label@variant)");

    private readonly Option<bool> force = SharedOptions.Flag("--force", "Analyse even the experiments whose results are fresh");

    private readonly EngineOverrideOptions engines = EngineOverrideOptions.ForAnalysis();

    private readonly Option<string?> shard = new("--shard")
    {
        Description = "Take shard K of N (K/N) of the experiments, for a cluster job array sharing one folder",
    };

    private readonly Option<bool> skipHashing = SharedOptions.SkipHashing();

    private readonly KeepGoingOption keepGoing = new();

    private readonly Option<bool> json = SharedOptions.Flag("--json", "Write what happened to each experiment as JSON on standard output (docs/json.md)");

    public Command Create(ToolConsole console)
    {
        var command = new Command("run", "Analyse every stale experiment of the manifest into experiments/<label>/<n>/")
        {
            manifest.Option, only, engines.Jobs, force, engines.Engine, engines.Device, shard, skipHashing, keepGoing.Option, json,
        };
        shard.Validators.Add(r =>
        {
            try
            {
                Shard.Parse(r.GetValueOrDefault<string>() ?? "");
            }
            catch (FormatException e)
            {
                r.AddError(e.Message);
            }
        });
        command.SetAction((parse, cancellation) => Task.FromResult((int)Execute(parse, console, cancellation)));
        return command;
    }

    private ExitCode Execute(ParseResult parse, ToolConsole console, CancellationToken cancellation)
    {
        var loaded = manifest.Read(parse);
        var selected = ExperimentPlan.Only(ExperimentPlan.From(loaded), parse.GetValue(only) ?? []);
        if (parse.GetValue(shard) is { } text)
        {
            selected = Shard.Parse(text).Select(selected);
        }

        // Engines agree on every number, so overriding the manifest's choice changes speed, not results.
        var engineFor = engines.Engines(parse, console.Error.WriteLine);
        var hashing = parse.GetValue(skipHashing) ? InputHashing.TrustRecorded : InputHashing.Remembered;
        var summary = RunSummary.Empty;
        void Work(IRunObserver observer) =>
            summary = new ExperimentRunner(loaded, engineFor, observer, hashing)
                .Run(selected, parse.GetValue(engines.Jobs), parse.GetValue(force), cancellation, parse.GetValue(keepGoing.Option));

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
