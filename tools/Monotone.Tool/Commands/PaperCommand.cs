using System.CommandLine;
using Monotone.Figures;
using Monotone.Results;
using Monotone.Tool.Console;
using Monotone.Tool.Paper;

namespace Monotone.Tool.Commands;

/// <summary>
/// <c>dotnet monotone figures</c> and <c>dotnet monotone appendix</c>: one layer of the
/// paper each, drawn from the results on disk alone. Kept separate so that MSBuild
/// redraws the figures without rebuilding the appendix's text, and the reverse.
/// </summary>
internal sealed class PaperCommand(string name, string description, Func<PaperInputs, IReadOnlyList<PlannedFile>> files)
{
    private readonly ManifestOption manifest = new();

    private readonly Option<string?> stamp = new("--stamp")
    {
        Description = "After writing, list the layer's files in this stamp file (for MSBuild's incremental checks)",
    };

    public static PaperCommand Figures() => new("figures", "Draw the paper's figures (PDF, SVG, PNG) into paper/figures/", PaperFiles.Figures);

    public static PaperCommand Appendix() => new("appendix", "Write paper/appendix.pdf, the LaTeX under paper/generated/ and paper/report.html", PaperFiles.Appendix);

    public Command Create(ToolConsole console)
    {
        var command = new Command(name, description) { manifest.Option, stamp };
        command.SetAction(parse => (int)Execute(parse, console));
        return command;
    }

    private ExitCode Execute(ParseResult parse, ToolConsole console)
    {
        var loaded = manifest.Read(parse);
        var planned = files(PaperInputs.Load(loaded));
        string? stampFile = parse.GetValue(stamp);
        int changed = 0;
        foreach (var file in planned)
        {
            var written = file.Write();
            if (written.Changed)
            {
                changed++;
                console.Error.WriteLine($"monotone: wrote {Path.GetRelativePath(loaded.Folder, written.Path)} ({written.Bytes / 1024.0:0.0} KB)");
            }
        }

        console.Error.WriteLine($"monotone: {name}: {changed} written, {planned.Count - changed} unchanged");
        if (stampFile is not null)
        {
            // What the last build made and this one no longer plans (a dropped sequence
            // length's figures, say) would otherwise linger, unlisted and never cleaned.
            var current = planned.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            foreach (string old in File.Exists(stampFile) ? File.ReadAllLines(stampFile) : [])
            {
                if (old.Length > 0 && !current.Contains(old) && File.Exists(old))
                {
                    File.Delete(old);
                    console.Error.WriteLine($"monotone: removed {Path.GetRelativePath(loaded.Folder, old)}, which the manifest no longer asks for");
                }
            }

            AtomicFile.Write(stampFile, System.Text.Encoding.UTF8.GetBytes(string.Join('\n', planned.Select(f => f.Path)) + "\n"));
        }

        return ExitCode.Success;
    }
}
