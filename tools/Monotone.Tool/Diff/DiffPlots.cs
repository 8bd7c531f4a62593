using Monotone.Figures;
using Monotone.Pipeline;
using Monotone.Results;

namespace Monotone.Tool.Diff;

/// <summary>
/// <c>diff --plots</c>: the paper's figures that changed between the two sides, drawn by
/// <see cref="FigureComparison"/> (the newer values solid, the older dashed beside them) as PDF,
/// SVG and PNG into a folder of their own, never into the paper's figures (docs/diff.md).
/// </summary>
internal static class DiffPlots
{
    /// <summary>
    /// Where the figures go unless the user names a folder: one folder per pair of sides under the
    /// system's temporary folder (<c>monotone-diff/1a2b3c4-worktree</c>), so nothing lands in the study's tree.
    /// </summary>
    public static string DefaultFolder(ResultSnapshot older, ResultSnapshot newer) =>
        Path.Combine(Path.GetTempPath(), "monotone-diff", $"{ShortName(older)}-{ShortName(newer)}");

    /// <summary>Draws the changed figures into <paramref name="folder"/>, each file rewritten only when its bytes change.</summary>
    /// <param name="experiments">The manifest's experiments, in its order, with their keys: they name and colour the lines.</param>
    /// <param name="figuresFolder">The paper's own figures, which this never writes over.</param>
    /// <param name="owned">
    /// The folder is <see cref="DefaultFolder"/>, which only this command writes: figures an earlier run
    /// drew there and that no longer differ are removed, so the folder never shows a stale change.
    /// A folder the user named keeps every file this run does not write.
    /// </param>
    /// <exception cref="UsageException"><paramref name="folder"/> is the paper's figures folder.</exception>
    public static IReadOnlyList<WrittenFile> Write(
        ResultSnapshot older,
        ResultSnapshot newer,
        IReadOnlyList<(Experiment Experiment, string Key)> experiments,
        FigureSettings settings,
        ResultComparison comparison,
        string folder,
        string figuresFolder,
        bool owned)
    {
        if (string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(figuresFolder)), StringComparison.Ordinal))
        {
            throw new UsageException($"--plots-folder {folder} is the paper's figures folder; name another one");
        }

        var figures = FigureComparison.Plan(Models(older, experiments), Models(newer, experiments), settings, comparison.Close);
        var files = FigureSet.Files(figures, folder);
        if (owned && Directory.Exists(folder))
        {
            var drawn = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            foreach (string stale in Directory.EnumerateFiles(folder).Where(f => FigureSet.Extensions.Contains(Path.GetExtension(f)) && !drawn.Contains(f)))
            {
                File.Delete(stale);
            }
        }

        return [.. files.Select(file => file.Write())];
    }

    /// <summary>One series per model, in manifest order, with the default variant's results this side has (the paper's figures show no other).</summary>
    private static List<ModelSeries> Models(ResultSnapshot side, IReadOnlyList<(Experiment Experiment, string Key)> experiments) =>
    [
        .. experiments
            .Where(e => e.Experiment.IsDefaultVariant)
            .GroupBy(e => e.Experiment.Model)
            .Select(model => new ModelSeries(
                model.Key.Label,
                [.. model.Where(e => side.Keys.Contains(e.Key)).Select(e => side.Read(e.Key))])),
    ];

    private static string ShortName(ResultSnapshot side) => side.Commit is { } commit ? commit[..Math.Min(7, commit.Length)] : "worktree";
}
