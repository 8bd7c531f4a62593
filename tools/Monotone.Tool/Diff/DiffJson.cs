using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monotone.Results;

namespace Monotone.Tool.Diff;

/// <summary>
/// <c>diff --json</c>: the shape docs/diff.md documents, stable across versions (fields may be
/// added, never renamed or removed).
/// </summary>
internal static class DiffJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,

        // '>' and '<' stay as they are (a key never holds them, a git message may); this is
        // for files and pipes, never for HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<DiffStatus>(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Writes the whole diff as one JSON object and a line break.</summary>
    public static void Write(TextWriter writer, ResultSnapshot older, ResultSnapshot newer, ResultComparison comparison, IReadOnlyList<ExperimentDiff> diffs)
    {
        var document = new Document(
            new Side(older.Revision, older.Commit),
            new Side(newer.Revision, newer.Commit),
            comparison.Relative,
            comparison.Absolute,
            [.. diffs.Select(d => new Experiment(d.Key, d.Status, [.. d.Changes.Select(c => new Change(c.Layer == 0 ? null : c.Layer, c.Field, c.Expected, c.Actual))]))],
            new Summary(Count(DiffStatus.Added), Count(DiffStatus.Removed), Count(DiffStatus.Changed), Count(DiffStatus.Unchanged)));
        writer.WriteLine(JsonSerializer.Serialize(document, Options));

        int Count(DiffStatus status) => diffs.Count(d => d.Status == status);
    }

    private sealed record Document(Side From, Side To, double Rtol, double Atol, IReadOnlyList<Experiment> Experiments, Summary Summary);

    // Both null: the working tree.
    private sealed record Side(string? Revision, string? Commit);

    private sealed record Experiment(string Key, DiffStatus Status, IReadOnlyList<Change> Changes);

    // Layer null: the result as a whole (its number of layers).
    private sealed record Change(int? Layer, string Field, double Old, double New);

    private sealed record Summary(int Added, int Removed, int Changed, int Unchanged);
}
