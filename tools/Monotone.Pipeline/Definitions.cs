using System.Globalization;
using System.Text;
using Monotone.Core;
using Monotone.Results;
using Monotone.TensorInput.Synthetic;

namespace Monotone.Pipeline;

/// <summary>
/// Canonical text of what defines each layer of outputs. The build writes these to
/// small files whose timestamps change only when the text does, which is what
/// MSBuild's incremental checks see.
/// </summary>
public static class Definitions
{
    /// <summary>What an experiment's result depends on: its input's content and its options.</summary>
    /// <param name="input">The input's fingerprint; null when the input is missing.</param>
    public static string Of(Experiment experiment, Fingerprint? input)
    {
        var options = experiment.Options;
        string source = experiment.Input switch
        {
            SyntheticInput s => $"synthetic generator={SyntheticAttention.GeneratorVersion} model={s.ModelId} layers={s.Layers} heads={s.Heads} n={s.SequenceLength} seed={s.Seed}",
            FileInput f => $"file {f.Path} tensor={f.Tensor}",
            _ => throw new ArgumentOutOfRangeException(nameof(experiment)),
        };
        return Lines(
            $"analysis_version={AnalysisVersion.Current}",
            $"input={source}",
            $"fingerprint={input?.Value ?? Missing(experiment)}",
            $"slopes={options.Slopes}",
            $"epsilon={Show(options.Epsilon)}",
            $"relative_floor={Show(options.RelativeFloor)}");
    }

    /// <summary>What the figures depend on, apart from the results: models, their order, figure options.</summary>
    public static string OfFigures(Manifest.Manifest manifest, IReadOnlyList<Experiment> experiments) => Lines(
        [
            $"show_std_error={manifest.Figures.ShowStdError}",
            $"sequence_length={manifest.Figures.SequenceLength}",
            .. experiments.Select(e => $"experiment={e.Key}"),
        ]);

    /// <summary>
    /// What the appendix and the report depend on, apart from results and figures: the document's
    /// text, and the commit that last changed each result (or "uncommitted"), which both show.
    /// A commit changes no file the build reads, so without these lines an appendix written
    /// before the results were committed would say "uncommitted" until something else changed.
    /// </summary>
    public static string OfAppendix(Manifest.Manifest manifest, IReadOnlyList<Experiment> experiments)
    {
        var history = GitHistory.Open(manifest.Folder);
        return Lines(
        [
            $"title={manifest.Document.Title}",
            .. manifest.Document.Authors.Select(a => $"author={a}"),
            $"introduction={manifest.Document.Introduction}",
            .. experiments.Select(e => $"commit {e.Key}={history.CommitOf(e.ResultPath)}"),
        ]);
    }

    // An input not on this machine changes the definition on every build, so that the build
    // runs the experiment again: a kept result is warned about every time (docs/record.md),
    // and a result that cannot be repaired is an error every time; neither analyses anything.
    private static string Missing(Experiment experiment) =>
        experiment.Input is FileInput ? $"missing (checked again on every build: {Guid.NewGuid():N})" : "missing";

    private static string Lines(params IEnumerable<string> lines) => new StringBuilder().AppendJoin('\n', lines).Append('\n').ToString();

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
