using System.CommandLine;
using Monotone.Pipeline;
using Monotone.Tool.Console;
using Monotone.Tool.Paper;
using Monotone.Tool.Json;

namespace Monotone.Tool.Commands;

/// <summary><c>dotnet monotone status</c>: what is stale, and exactly why.</summary>
internal sealed class StatusCommand
{
    private readonly ManifestOption manifest = new();

    private readonly Option<bool> check = SharedOptions.Flag("--check", "Exit with code 1 when any experiment, experiments/results.csv or paper stage (figures, LaTeX, appendix) is stale");

    private readonly Option<bool> json = SharedOptions.Json("the status");

    private readonly Option<bool> rehash = SharedOptions.Flag("--rehash", "Hash every input file now instead of trusting remembered or committed fingerprints");

    private readonly Option<bool> skipHashing = SharedOptions.SkipHashing();

    public Command Create(ToolConsole console)
    {
        var command = new Command("status", "Show, per experiment and per paper stage, whether it is fresh and why not")
        {
            manifest.Option, check, json, rehash, skipHashing,
        };
        command.SetAction(parse => (int)Execute(parse, console));
        return command;
    }

    private ExitCode Execute(ParseResult parse, ToolConsole console)
    {
        var loaded = manifest.Read(parse);
        if (parse.GetValue(rehash) && parse.GetValue(skipHashing))
        {
            throw new UsageException("--rehash and --skip-hashing contradict each other");
        }

        var hashing = parse.GetValue(rehash) ? InputHashing.Rehash : parse.GetValue(skipHashing) ? InputHashing.TrustRecorded : InputHashing.Remembered;
        var checker = new StatusChecker(loaded, hashing, (e, done, total) => console.Error.WriteLine(HashingLine(e, done, total)));
        var status = PipelineStatus.Of(loaded, checker, new PaperDrawing(loaded).CodeIdentity);
        if (parse.GetValue(json))
        {
            StatusJson.Write(console.Out, loaded, status);
        }
        else
        {
            int width = status.Experiments.Max(s => s.Experiment.Key.Length);
            foreach (var s in status.Experiments)
            {
                string state = !s.UpToDate ? $"stale: {string.Join("; ", s.AllReasons)}" : s.Kept ? "kept" : "fresh";
                console.Out.WriteLine($"{s.Experiment.Key.PadRight(width)}  {state}{s.Note}");
            }

            // A stage or table that waits for an analysis is stale too, with that as its one reason.
            foreach (var s in status.Stages)
            {
                console.Out.WriteLine($"{s.Stage.Name().PadRight(StageWidth)}  {(s.Fresh ? "fresh" : $"stale: {string.Join("; ", s.Reasons)}")}");
            }

            console.Out.WriteLine($"{ResultsTable.FileName}  {(status.Table.Fresh ? "fresh" : $"stale: {string.Join("; ", status.Table.Reasons)}")}");
        }

        return parse.GetValue(check) && status.Stale ? ExitCode.CheckFailed : ExitCode.Success;
    }

    // "appendix", the longest stage name: the stages' column, apart from the experiments' so their lines keep their shape.
    private static readonly int StageWidth = StageNames.Paper.Max(s => s.Name().Length);

    private static string HashingLine(Experiment experiment, long done, long total) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{experiment.Key}: hashing its input, {done / 1e9:0.0} of {total / 1e9:0.0} GB");
}
