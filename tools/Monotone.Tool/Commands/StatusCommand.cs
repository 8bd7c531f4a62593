using System.CommandLine;
using System.Text.Json;
using Monotone.Pipeline;
using Monotone.Tool.Console;

namespace Monotone.Tool.Commands;

/// <summary><c>dotnet monotone status</c>: what is stale, and exactly why.</summary>
internal sealed class StatusCommand
{
    private readonly ManifestOption manifest = new();

    private readonly Option<bool> check = new("--check")
    {
        Description = "Exit with code 1 when any experiment is stale",
    };

    private readonly Option<bool> json = new("--json")
    {
        Description = "Write the status as JSON",
    };

    private readonly Option<bool> rehash = new("--rehash")
    {
        Description = "Hash every input file now instead of trusting remembered or committed fingerprints",
    };

    public Command Create(ToolConsole console)
    {
        var command = new Command("status", "Show, per experiment, whether its result is fresh and why not");
        command.Options.Add(manifest.Option);
        command.Options.Add(check);
        command.Options.Add(json);
        command.Options.Add(rehash);
        command.SetAction(parse => (int)Execute(parse, console));
        return command;
    }

    private ExitCode Execute(ParseResult parse, ToolConsole console)
    {
        var loaded = manifest.Read(parse);
        var checker = new StatusChecker(loaded);
        var statuses = ExperimentPlan.From(loaded).Select(e => checker.Status(e, parse.GetValue(rehash))).ToList();
        if (parse.GetValue(json))
        {
            console.Out.WriteLine(JsonSerializer.Serialize(
                statuses.Select(s => new
                {
                    experiment = s.Experiment.Key,
                    label = s.Experiment.Label,
                    sequence_length = s.Experiment.SequenceLength,
                    fresh = s.Fresh,
                    reasons = s.Reasons,
                    input_fingerprint = s.Input?.Value,
                    fingerprint_origin = s.Input?.Origin.ToString().ToLowerInvariant(),
                    result = Path.GetRelativePath(loaded.Folder, s.Experiment.ResultPath),
                }),
                new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            int width = statuses.Max(s => s.Experiment.Key.Length);
            foreach (var s in statuses)
            {
                string state = s.Fresh ? "fresh" : $"stale: {string.Join("; ", s.Reasons)}";
                console.Out.WriteLine($"{s.Experiment.Key.PadRight(width)}  {state}{PlainRunObserver.Note(s)}");
            }
        }

        return parse.GetValue(check) && statuses.Any(s => !s.Fresh) ? ExitCode.CheckFailed : ExitCode.Success;
    }
}
