namespace Monotone.Pipeline;

/// <summary>
/// Decides, by content, whether each paper stage (figures, LaTeX, appendix) is fresh: its
/// recorded inputs (<see cref="StageInputs"/>) equal the current ones and every file it made is
/// there with the bytes it was given. The one place that decides, for `status`, `repro`, the
/// figure and appendix commands and the MSBuild task alike. It draws nothing.
/// </summary>
/// <param name="code">The drawing code's identity; null when the caller cannot know it (the
/// MSBuild task in a repository whose tool is not restored yet): every made stage is then stale
/// "for the tool to decide".</param>
public sealed class StageChecker(Manifest.Manifest manifest, string? code)
{
    /// <summary>The reason for a stage that was never made (or whose record was deleted).</summary>
    public const string NeverMade = "never made";

    private readonly IReadOnlyList<Experiment> experiments = ExperimentPlan.From(manifest);

    public StageRecord Record { get; } = StageRecord.Open(manifest);

    /// <summary>What the stage would record now; null while a result is missing.</summary>
    public SortedDictionary<string, string>? Inputs(StageKind stage) =>
        Shown(stage).Any(e => !File.Exists(e.ResultPath)) ? null : StageInputs.Of(stage, manifest, Shown(stage), code ?? "unknown");

    // The experiments whose results the stage prints: the LaTeX (summary table, macros) shows the
    // default variant only, so a named variant's result neither waits nor redoes it.
    private IReadOnlyList<Experiment> Shown(StageKind stage) =>
        stage == StageKind.Latex ? [.. experiments.Where(e => e.IsDefaultVariant)] : experiments;

    public StageStatus Status(StageKind stage) => Status(stage, []);

    /// <param name="waiting">
    /// The experiments (keys) whose results are stale (<see cref="ExperimentStatus.Fresh"/> false):
    /// the stage waits for their analysis as it waits for a missing result, whatever made them
    /// stale; it is remade afterwards if a result changes.
    /// </param>
    public StageStatus Status(StageKind stage, IReadOnlyCollection<string> waiting)
    {
        var reasons = new List<string>();
        var keys = Shown(stage).Where(e => waiting.Contains(e.Key) || !File.Exists(e.ResultPath)).Select(e => e.Key).ToList();
        if (keys.Count > 0)
        {
            return new StageStatus(stage, [StageStatus.Waiting(keys)]) { WaitsFor = keys };
        }

        if (Record[stage] is not { } made)
        {
            reasons.Add(NeverMade);
            return new StageStatus(stage, reasons);
        }

        var now = StageInputs.Of(stage, manifest, Shown(stage), code ?? made.Inputs.GetValueOrDefault("code", ""));
        foreach (string name in made.Inputs.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            string? was = made.Inputs.GetValueOrDefault(name);
            string? current = now.GetValueOrDefault(name);
            if (was != current)
            {
                reasons.Add(Changed(name, was, current));
            }
        }

        if (code is null)
        {
            reasons.Add("the drawing code is not known here; the tool decides");
        }

        foreach (var (relative, hash) in made.Outputs)
        {
            string path = Record.FullPath(relative);
            if (!File.Exists(path))
            {
                reasons.Add($"output missing: {relative}");
            }
            else if (StageInputs.HashOf(path) != hash)
            {
                reasons.Add($"output changed: {relative}");
            }
        }

        return new StageStatus(stage, reasons);
    }

    // Options, commits and the experiment list show their values; hashes and long text do not.
    private static string Changed(string name, string? was, string? now)
    {
        if (name == "code")
        {
            return "drawing code changed";
        }

        if (name.StartsWith("result ", StringComparison.Ordinal))
        {
            return was is null ? $"{name} added" : now is null ? $"{name} removed" : $"{name} changed";
        }

        // The experiments' keys and order: what changed in the list is already named by its results.
        return name is "title" or "authors" or "introduction" or "experiments"
            ? $"{(name == "experiments" ? "experiment list" : $"document {name}")} changed"
            : $"{name} changed: {was ?? "(none)"} -> {now ?? "(none)"}";
    }
}
