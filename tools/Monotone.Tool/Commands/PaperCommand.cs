using System.CommandLine;
using Monotone.Pipeline;
using Monotone.Tool.Console;
using Monotone.Tool.Paper;

namespace Monotone.Tool.Commands;

/// <summary>
/// <c>dotnet monotone figures</c> and <c>dotnet monotone appendix</c>: make paper stages now, stale
/// or not, from the results on disk alone (the pipeline's <see cref="PaperStages"/> writes, removes
/// and records); <c>repro</c> makes only the stale ones.
/// </summary>
internal sealed class PaperCommand(string name, string description, IReadOnlyList<StageKind> stages)
{
    private readonly ManifestOption manifest = new();

    private readonly Option<string?> stamp = new("--stamp")
    {
        Description = "After writing, also list the files made in this file (the stage record under .monotone/stages/ is what the pipeline reads)",
    };

    public static PaperCommand Figures() => new("figures", "Draw the paper's figures (PDF, SVG, PNG) into paper/figures/", [StageKind.Figures]);

    public static PaperCommand Appendix() => new("appendix", "Write the LaTeX under paper/generated/, paper/appendix.pdf and paper/report.html", [StageKind.Latex, StageKind.Appendix]);

    public Command Create(ToolConsole console)
    {
        var command = new Command(name, description) { manifest.Option, stamp };
        command.SetAction(parse => (int)Execute(parse, console));
        return command;
    }

    private ExitCode Execute(ParseResult parse, ToolConsole console)
    {
        var loaded = manifest.Read(parse);
        var paper = new PaperStages(loaded, new PaperDrawing(loaded), console.Error.WriteLine);
        var runs = stages.Select(paper.Make).ToList();
        int files = runs.Sum(r => r.Files.Count);
        int written = runs.Sum(r => r.Written);
        console.Error.WriteLine($"monotone: {name}: {written} written, {files - written} unchanged");
        if (parse.GetValue(stamp) is { } list)
        {
            Monotone.Results.AtomicFile.Write(list, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', runs.SelectMany(r => r.Files)) + "\n"));
        }

        return ExitCode.Success;
    }
}
