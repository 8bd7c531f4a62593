using Monotone.Pipeline;
using Monotone.Results;
using Monotone.Tool.Json;

namespace Monotone.Tool.Diff;

/// <summary>
/// <c>diff --json</c>: the shape docs/diff.md and docs/json.md document, stable across versions
/// (fields may be added, never renamed or removed; <c>schema</c> says which).
/// </summary>
internal static class DiffJson
{
    /// <summary>Writes the whole diff as one JSON object and a line break.</summary>
    public static void Write(TextWriter writer, ResultSnapshot older, ResultSnapshot newer, ResultComparison comparison, IReadOnlyList<ExperimentDiff> diffs)
    {
        var document = new Document(
            ToolJson.Schema,
            new Side(older.Revision, older.Commit),
            new Side(newer.Revision, newer.Commit),
            comparison.Relative,
            comparison.Absolute,
            [.. diffs.Select(d => new Experiment(d.Key, ExperimentPlan.VariantOf(d.Key), d.Status, [.. d.Changes.Select(c => new Change(c.Layer == 0 ? null : c.Layer, c.Field, c.Expected, c.Actual))]))],
            new Summary(Count(DiffStatus.Added), Count(DiffStatus.Removed), Count(DiffStatus.Changed), Count(DiffStatus.Unchanged)));
        ToolJson.Write(writer, document, ToolJsonContext.Default.DiffDocument);

        int Count(DiffStatus status) => diffs.Count(d => d.Status == status);
    }

    internal sealed record Document(int Schema, Side From, Side To, double Rtol, double Atol, IReadOnlyList<Experiment> Experiments, Summary Summary);

    // Both null: the working tree.
    internal sealed record Side(string? Revision, string? Commit);

    // Variant: from the key's folder name ("mpt-7b/256@epsilon-1e-6"), "default" without '@'
    // (docs/variants.md), so an experiment only one revision's manifest knows still has one.
    internal sealed record Experiment(string Key, string Variant, DiffStatus Status, IReadOnlyList<Change> Changes);

    // Layer null: the result as a whole (its number of layers).
    internal sealed record Change(int? Layer, string Field, double Old, double New);

    internal sealed record Summary(int Added, int Removed, int Changed, int Unchanged);
}
