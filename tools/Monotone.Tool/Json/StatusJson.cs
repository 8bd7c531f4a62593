using Monotone.Pipeline;

namespace Monotone.Tool.Json;

/// <summary>
/// <c>status --json</c> (docs/json.md): the experiments in manifest order, then the paper's
/// stages (figures, LaTeX, appendix) in the order the pipeline makes them.
/// </summary>
internal static class StatusJson
{
    public static void Write(TextWriter output, Manifest.Manifest manifest, IEnumerable<ExperimentStatus> statuses, IEnumerable<StageStatus> stages, IReadOnlyList<string> table) =>
        ToolJson.Write(
            output,
            new Document(
                1,
                [
                    .. statuses.Select(s => new Entry(
                        s.Experiment.Key,
                        s.Experiment.Label,
                        s.Experiment.SequenceLength,
                        s.Experiment.Variant,
                        s.Fresh && !s.Kept,
                        s.Kept,
                        !s.InputAbsent,
                        s.Reasons,
                        s.Input?.Value,
                        s.Input?.Origin.ToString().ToLowerInvariant(),
                        Path.GetRelativePath(manifest.Folder, s.Experiment.ResultPath))),
                ],
                [.. stages.Select(s => new Stage(s.Stage.Name(), s.Fresh, s.Reasons))],
                new Table(Path.GetRelativePath(manifest.Folder, ResultsTable.PathOf(manifest)), table.Count == 0, table)),
            ToolJsonContext.Default.StatusDocument);

    internal sealed record Document(int Schema, IReadOnlyList<Entry> Experiments, IReadOnlyList<Stage> Stages, Table Table);

    /// <param name="Variant">The variant's name, <c>default</c> for the study's own options (docs/variants.md).</param>
    /// <param name="FingerprintOrigin">Where the fingerprint came from, lower case (<see cref="Pipeline.FingerprintOrigin"/>); null with <paramref name="InputFingerprint"/>.</param>
    internal sealed record Entry(
        string Experiment,
        string Label,
        int SequenceLength,
        string Variant,
        bool Fresh,
        bool Kept,
        bool InputPresent,
        IReadOnlyList<string> Reasons,
        string? InputFingerprint,
        string? FingerprintOrigin,
        string Result);

    /// <param name="Name">figures, latex or appendix.</param>
    internal sealed record Stage(string Name, bool Fresh, IReadOnlyList<string> Reasons);

    /// <summary>experiments/results.csv, the analysis stage's table across experiments (docs/results-table.md).</summary>
    /// <param name="Path">Relative to the manifest's folder.</param>
    internal sealed record Table(string Path, bool Fresh, IReadOnlyList<string> Reasons);
}
