using Monotone.Pipeline;
using Monotone.Results;

namespace Monotone.Tool.Json;

/// <summary><c>verify --json</c>: every experiment's outcome, its differences, and the stale paper files (docs/json.md).</summary>
internal static class VerifyJson
{
    /// <param name="passed">Whether verify exits 0.</param>
    public static void Write(
        TextWriter output, ResultComparison comparison, bool passed, IReadOnlyList<VerifiedExperiment> experiments, IReadOnlyList<string> stalePaperFiles)
    {
        var document = new Document(
            ToolJson.Schema,
            comparison.Relative,
            comparison.Absolute,
            passed,
            experiments,
            stalePaperFiles,
            new VerifyCounts(Count(VerifyOutcome.Reproduced), Count(VerifyOutcome.Differs), Count(VerifyOutcome.Kept), Count(VerifyOutcome.Unverifiable)));
        ToolJson.Write(output, document, ToolJsonContext.Default.VerifyDocument);

        int Count(VerifyOutcome outcome) => experiments.Count(e => e.Outcome == outcome);
    }

    /// <summary>Every experiment of the manifest, in its order: recomputed, kept, or unverifiable with its reasons.</summary>
    public static IReadOnlyList<VerifiedExperiment> Experiments(VerificationReport report)
    {
        var checks = report.Checked.ToDictionary(c => c.Experiment);
        var unrepairable = report.Unrepairable.ToDictionary(s => s.Experiment);
        return
        [
            .. report.Planned.Select(e =>
                checks.TryGetValue(e, out var check) ? Recomputed(check)
                : unrepairable.TryGetValue(e, out var status) ? new VerifiedExperiment(e.Key, e.Variant, VerifyOutcome.Unverifiable, string.Join("; ", status.Reasons), null, [])
                : new VerifiedExperiment(e.Key, e.Variant, VerifyOutcome.Kept, null, null, [])),
        ];
    }

    private static VerifiedExperiment Recomputed(ExperimentCheck check) => new(
        check.Experiment.Key,
        check.Experiment.Variant,
        check.Reproduces ? VerifyOutcome.Reproduced : VerifyOutcome.Differs,
        check.Unreadable,
        check.Unreadable is null && check.InputChanged ? new InputChange(check.CommittedInput!, check.RecomputedInput!) : null,
        [.. check.Differences.Select(d => new VerifyDifference(d.Layer == 0 ? null : d.Layer, d.Field, d.Expected, d.Actual))]);

    internal sealed record Document(
        int Schema,
        double Rtol,
        double Atol,
        bool Passed,
        IReadOnlyList<VerifiedExperiment> Experiments,
        IReadOnlyList<string> StalePaperFiles,
        VerifyCounts Summary);

    /// <param name="Problem">Why the committed result cannot be read (then it <see cref="VerifyOutcome.Differs"/>); null otherwise.</param>
    /// <param name="Input">The input fingerprints, when the committed one is not the recomputed one; null otherwise.</param>
    /// <param name="Variant">The variant's name, <c>default</c> for the study's own options (docs/variants.md).</param>
    internal sealed record VerifiedExperiment(string Key, string Variant, VerifyOutcome Outcome, string? Problem, InputChange? Input, IReadOnlyList<VerifyDifference> Differences);

    internal sealed record InputChange(string Committed, string Recomputed);

    /// <param name="Layer">From 1; null for the result as a whole (field <c>layers</c>, its number of layers).</param>
    internal sealed record VerifyDifference(int? Layer, string Field, double Committed, double Recomputed);

    internal sealed record VerifyCounts(int Reproduced, int Differs, int Kept, int Unverifiable);
}
