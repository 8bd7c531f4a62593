using Monotone.Pipeline;

namespace Monotone.Tool.Json;

/// <summary><c>status --json</c>: one object per experiment, in manifest order (docs/json.md).</summary>
internal static class StatusJson
{
    public static void Write(TextWriter output, Manifest.Manifest manifest, IEnumerable<ExperimentStatus> statuses) =>
        ToolJson.Write<IReadOnlyList<Entry>>(
            output,
            [
                .. statuses.Select(s => new Entry(
                    s.Experiment.Key,
                    s.Experiment.Label,
                    s.Experiment.SequenceLength,
                    s.Fresh && !s.Kept,
                    s.Kept,
                    !s.InputAbsent,
                    s.Reasons,
                    s.Input?.Value,
                    s.Input?.Origin.ToString().ToLowerInvariant(),
                    Path.GetRelativePath(manifest.Folder, s.Experiment.ResultPath))),
            ],
            ToolJsonContext.Default.StatusDocument);

    /// <param name="FingerprintOrigin">Where the fingerprint came from, lower case (<see cref="Pipeline.FingerprintOrigin"/>); null with <paramref name="InputFingerprint"/>.</param>
    internal sealed record Entry(
        string Experiment,
        string Label,
        int SequenceLength,
        bool Fresh,
        bool Kept,
        bool InputPresent,
        IReadOnlyList<string> Reasons,
        string? InputFingerprint,
        string? FingerprintOrigin,
        string Result);
}
