using Monotone.Pipeline;

namespace Monotone.Tool.Json;

/// <summary>
/// <c>status --json</c> (docs/json.md): the experiments in manifest order, then the paper's
/// stages (figures, LaTeX, appendix) in the order the pipeline makes them.
/// </summary>
internal static class StatusJson
{
    public static void Write(TextWriter output, Manifest.Manifest manifest, PipelineStatus status) =>
        ToolJson.Write(
            output,
            new Document(
                1,
                [
                    .. status.Experiments.Select(s => new Entry(
                        s.Experiment.Key,
                        s.Experiment.Label,
                        s.Experiment.SequenceLength,
                        s.Experiment.Variant,
                        s.UpToDate && !s.Kept,
                        s.Kept && s.UpToDate,
                        !s.InputAbsent,
                        s.AllReasons,
                        s.Input?.Value,
                        s.Input?.Origin.ToString().ToLowerInvariant(),
                        Path.GetRelativePath(manifest.Folder, s.Experiment.ResultPath))),
                ],
                [.. status.Stages.Select(s => new Stage(s.Stage.Name(), s.Fresh, State(s.Freshness), s.Reasons, s.WaitsFor))],
                new Table(Path.GetRelativePath(manifest.Folder, ResultsTable.PathOf(manifest)), status.Table.Fresh, State(status.Table.Freshness), status.Table.Reasons, status.Table.WaitsFor)),
            ToolJsonContext.Default.StatusDocument);

    // fresh, stale or waiting (docs/json.md).
    private static string State(StageFreshness freshness) => freshness.ToString().ToLowerInvariant();

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
    /// <param name="State">fresh, stale, or waiting (for the analysis of <paramref name="WaitsFor"/>; not fresh either).</param>
    internal sealed record Stage(string Name, bool Fresh, string State, IReadOnlyList<string> Reasons, IReadOnlyList<string> WaitsFor);

    /// <summary>experiments/results.csv, the analysis stage's table across experiments (docs/results-table.md).</summary>
    /// <param name="Path">Relative to the manifest's folder.</param>
    /// <param name="State">As <see cref="Stage.State"/>.</param>
    internal sealed record Table(string Path, bool Fresh, string State, IReadOnlyList<string> Reasons, IReadOnlyList<string> WaitsFor);
}
