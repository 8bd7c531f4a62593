using Monotone.Pipeline;

namespace Monotone.Tool.Json;

/// <summary><c>run --json</c>: what happened to each selected experiment, in manifest order (docs/json.md).</summary>
internal static class RunJson
{
    /// <param name="selected">The experiments the command line selected (--only, --shard), in manifest order.</param>
    public static void Write(TextWriter output, Manifest.Manifest manifest, IReadOnlyList<Experiment> selected, RunSummary summary)
    {
        var analysed = summary.Analysed.ToHashSet();
        var kept = summary.Kept.Select(k => k.Experiment).ToHashSet();
        var failed = summary.Failed.Select(f => f.Experiment).ToHashSet();
        var experiments = selected.Select(e => new RunExperiment(
            e.Key,
            e.Label,
            e.SequenceLength,
            e.Variant,
            analysed.Contains(e) ? RunOutcome.Analysed : kept.Contains(e) ? RunOutcome.Kept : failed.Contains(e) ? RunOutcome.Failed : RunOutcome.Fresh,
            Path.GetRelativePath(manifest.Folder, e.ResultPath))).ToList();
        var document = new Document(
            ToolJson.Schema,
            experiments,
            new RunCounts(Count(RunOutcome.Analysed), Count(RunOutcome.Fresh), Count(RunOutcome.Kept), Count(RunOutcome.Failed)),
            new RunTable(Path.GetRelativePath(manifest.Folder, ResultsTable.PathOf(manifest)), summary.TableWritten));
        ToolJson.Write(output, document, ToolJsonContext.Default.RunDocument);

        int Count(RunOutcome outcome) => experiments.Count(e => e.Outcome == outcome);
    }

    internal sealed record Document(int Schema, IReadOnlyList<RunExperiment> Experiments, RunCounts Summary, RunTable Table);

    /// <param name="Result">The result file, relative to the manifest's folder.</param>
    /// <param name="Variant">The variant's name, <c>default</c> for the study's own options (docs/variants.md).</param>
    internal sealed record RunExperiment(string Key, string Label, int SequenceLength, string Variant, RunOutcome Outcome, string Result);

    internal sealed record RunCounts(int Analysed, int Fresh, int Kept, int Failed);

    /// <param name="Path">experiments/results.csv, relative to the manifest's folder.</param>
    /// <param name="Written">Whether this run rewrote it (docs/results-table.md).</param>
    internal sealed record RunTable(string Path, bool Written);
}
