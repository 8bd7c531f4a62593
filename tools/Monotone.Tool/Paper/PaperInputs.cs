using Monotone.Appendix;
using Monotone.Appendix.Provenance;
using Monotone.Core;
using Monotone.Figures;
using Monotone.Pipeline;
using Monotone.Results;

namespace Monotone.Tool.Paper;

/// <summary>What the figures, the appendix and the report are drawn from: the results on disk, the manifest and git's history.</summary>
internal sealed record PaperInputs(IReadOnlyList<ModelSeries> Models, FigureSettings Settings, AppendixMetadata Metadata, string PaperFolder, Manifest.Manifest Manifest)
{
    public string FiguresFolder => Path.Combine(PaperFolder, "figures");

    public string GeneratedFolder => Path.Combine(PaperFolder, "generated");

    public string AppendixPath => Path.Combine(PaperFolder, "appendix.pdf");

    public string ReportPath => Path.Combine(PaperFolder, "report.html");

    /// <summary>
    /// Reads every experiment's result, in manifest order; a missing one is bad input. Each model's
    /// series holds its default variant's results, and its named variants' beside them
    /// (docs/variants.md), which only the by-variant figure and the Variants section show.
    /// </summary>
    public static PaperInputs Load(Manifest.Manifest manifest)
    {
        var history = GitHistory.Open(manifest.Folder);
        var read = ExperimentPlan.From(manifest).Select(e => (Experiment: e, Result: Read(e))).ToList();
        var variantIndex = manifest.Variants.Select((v, i) => (v.Name, Index: i + 1)).ToDictionary(v => v.Name, v => v.Index, StringComparer.Ordinal);
        var models = read
            .GroupBy(r => r.Experiment.Label)
            .Select(group => new ModelSeries(group.Key, [.. group.Where(r => r.Experiment.IsDefaultVariant).Select(r => r.Result)])
            {
                Variants =
                [
                    .. group.Where(r => !r.Experiment.IsDefaultVariant)
                        .OrderBy(r => variantIndex[r.Experiment.Variant])
                        .Select(r => new VariantResult(r.Experiment.Variant, variantIndex[r.Experiment.Variant], r.Result)),
                ],
            })
            .ToList();
        var metadata = new AppendixMetadata(manifest.Document.Title, manifest.Document.Authors, manifest.Document.Introduction)
        {
            // Reproducible bytes: a date only when SOURCE_DATE_EPOCH gives one, never the clock.
            Date = SourceDate.FromEnvironment(),
            Origins = new ResultOrigins(read.Select(r => KeyValuePair.Create(
                r.Result, new ResultOrigin(InputOf(manifest.Folder, r.Experiment, r.Result), history.CommitOf(r.Experiment.ResultPath))))),
        };
        return new PaperInputs(
            models,
            new FigureSettings(manifest.Figures.ShowStdError, manifest.Figures.SequenceLength),
            metadata,
            Path.Combine(manifest.Folder, "paper"),
            manifest);
    }

    /// <summary>
    /// The experiment's own input as a reader should see it: a file below the data root by its
    /// path relative to the root (the root differs between machines; what lies below it does not),
    /// anything else as the result records it.
    /// </summary>
    private static string InputOf(string folder, Experiment experiment, MonotonicityResult result)
    {
        string root = experiment.Model.Settings.Root;
        if (experiment.Input is FileInput file && root.Length > 0)
        {
            // The root as the manifest means it: relative to the manifest's folder, never to the
            // folder a command happens to run in (the build runs in paper/).
            string relative = Path.GetRelativePath(Path.GetFullPath(root, folder), file.Path);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                return relative.Replace(Path.DirectorySeparatorChar, '/');
            }
        }

        return result.Input.Path;
    }

    private static MonotonicityResult Read(Experiment experiment) =>
        File.Exists(experiment.ResultPath)
            ? ResultJson.Read(experiment.ResultPath)
            : throw new BadInputException(experiment.ResultPath, $"no result for {experiment.Key} yet; run `dotnet monotone run` first");
}
