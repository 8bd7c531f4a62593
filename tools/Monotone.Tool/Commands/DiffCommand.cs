using System.CommandLine;
using Monotone.Figures;
using Monotone.Pipeline;
using Monotone.Results;
using Monotone.Tool.Console;
using Monotone.Tool.Diff;

namespace Monotone.Tool.Commands;

/// <summary>
/// <c>dotnet monotone diff [REV [REV2]]</c>: what changed in the result files between two
/// revisions, per experiment and layer, as DVC's <c>metrics diff</c> does (docs/diff.md).
/// Older results come from git's object store; nothing is checked out or written.
/// </summary>
internal sealed class DiffCommand
{
    private readonly ManifestOption manifest = new();

    private readonly Argument<string[]> revisions = new("revisions")
    {
        Description = "None: HEAD against the working tree; REV: REV against the working tree; REV REV2: two commits",
        Arity = new ArgumentArity(0, 2),
    };

    private readonly ToleranceOptions tolerances = new();

    private readonly Option<bool> json = SharedOptions.Json("the diff");

    private readonly Option<bool> exitCode = SharedOptions.Flag("--exit-code", "Exit with code 1 when any result changed, was added or was removed, as `git diff --exit-code` does");

    private readonly Option<bool> plots = SharedOptions.Flag("--plots", "Also draw the figures that changed, the older values dashed beside the new (docs/diff.md)");

    private readonly Option<string> plotsFolder = new("--plots-folder")
    {
        Description = "Where --plots writes the figures (default: monotone-diff/<old>-<new> under the system's temporary folder)",
        HelpName = "FOLDER",
    };

    public Command Create(ToolConsole console)
    {
        var command = new Command("diff", "Show what changed in the results between two revisions (default: HEAD against the working tree)")
        {
            revisions, manifest.Option, tolerances.Relative, tolerances.Absolute, json, exitCode, plots, plotsFolder,
        };
        command.SetAction(parse => (int)Execute(parse, console));
        return command;
    }

    private ExitCode Execute(ParseResult parse, ToolConsole console)
    {
        var loaded = manifest.Read(parse);
        var comparison = tolerances.Comparison(parse);
        string experiments = ExperimentPlan.ExperimentsFolder(loaded);
        var git = GitRevisions.Open(loaded.Folder);
        string relativeExperiments = Path.GetRelativePath(loaded.Folder, experiments).Replace(Path.DirectorySeparatorChar, '/');

        ResultSnapshot AtCommit(string revision) => new CommitResults(git, revision, GitRevisions.Resolve(git, revision), relativeExperiments);
        string[] given = parse.GetValue(revisions) ?? [];
        var (older, newer) = given switch
        {
            [] => (AtCommit("HEAD"), new WorkingTreeResults(experiments)),
            [var from] => (AtCommit(from), new WorkingTreeResults(experiments)),
            [var from, var to] => (AtCommit(from), AtCommit(to)),
            _ => throw new UsageException("diff takes at most two revisions"),
        };

        var planned = ExperimentPlan.From(loaded)
            .Select(e => (Experiment: e, Key: Path.GetRelativePath(experiments, Path.GetDirectoryName(e.ResultPath)!).Replace(Path.DirectorySeparatorChar, '/')))
            .ToList();
        var order = planned.Select(e => e.Key).ToList();
        string? folder = parse.GetValue(plotsFolder);
        if (folder is not null && !parse.GetValue(plots))
        {
            throw new UsageException("--plots-folder needs --plots");
        }

        var diffs = ResultDiff.Compare(older, newer, order, comparison);

        // Before the table, so that a result only one side has and that cannot be read stops the
        // command before anything is printed.
        if (parse.GetValue(plots))
        {
            var settings = new FigureSettings(loaded.Figures.ShowStdError, loaded.Figures.SequenceLength);
            bool ours = folder is null;
            folder = Path.GetFullPath(folder ?? DiffPlots.DefaultFolder(older, newer));
            var written = DiffPlots.Write(older, newer, planned, settings, comparison, folder, Path.Combine(loaded.Folder, "paper", "figures"), ours);
            console.Error.WriteLine($"monotone: diff: {written.Count / FigureSet.Extensions.Length} changed figures drawn in {folder}");
        }

        if (parse.GetValue(json))
        {
            DiffJson.Write(console.Out, older, newer, comparison, diffs);
        }
        else
        {
            DiffTable.Write(console.Out, older, newer, comparison, diffs);
        }

        return parse.GetValue(exitCode) && diffs.Any(d => d.Status != DiffStatus.Unchanged) ? ExitCode.CheckFailed : ExitCode.Success;
    }
}
