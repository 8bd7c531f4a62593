using Monotone.Appendix;
using Monotone.Figures;
using Monotone.Pipeline;
using Monotone.Results;
using Monotone.TensorInput;

namespace Monotone.Tool.Paper;

/// <summary>What the figures and the appendix are drawn from: the results on disk and the manifest.</summary>
internal sealed record PaperInputs(IReadOnlyList<ModelSeries> Models, FigureSettings Settings, AppendixMetadata Metadata, string PaperFolder)
{
    public string FiguresFolder => Path.Combine(PaperFolder, "figures");

    public string GeneratedFolder => Path.Combine(PaperFolder, "generated");

    public string AppendixPath => Path.Combine(PaperFolder, "appendix.pdf");

    /// <summary>Reads every experiment's result, in manifest order; a missing one is bad input.</summary>
    public static PaperInputs Load(Manifest.Manifest manifest)
    {
        var models = ExperimentPlan.From(manifest)
            .GroupBy(e => e.Model)
            .Select(group => new ModelSeries(group.Key.Label, [.. group.Select(Read)]))
            .ToList();
        var metadata = new AppendixMetadata(manifest.Document.Title, manifest.Document.Authors, manifest.Document.Introduction)
        {
            // Reproducible bytes: a date only when SOURCE_DATE_EPOCH gives one, never the clock.
            Date = SourceDate.FromEnvironment(),
        };
        return new PaperInputs(
            models,
            new FigureSettings(manifest.Figures.ShowStdError, manifest.Figures.SequenceLength),
            metadata,
            Path.Combine(manifest.Folder, "paper"));
    }

    private static MonotonicityResult Read(Experiment experiment) =>
        File.Exists(experiment.ResultPath)
            ? ResultJson.Read(experiment.ResultPath)
            : throw new BadInputException(experiment.ResultPath, $"no result for {experiment.Key} yet; run `dotnet monotone run` first");
}
