using Monotone.Results;

namespace Monotone.Pipeline;

/// <summary>
/// Makes the paper stages and keeps the stage record: writes each planned file only when its
/// bytes change, removes the files the stage made last time and no longer plans (never one that
/// another study's record lists), and records what the stage was made from. This replaces the
/// stamp files that the tool's `--stamp`, MSBuild's timestamps and the clean target shared.
/// </summary>
/// <param name="say">Told each file written or removed, as a line for the user.</param>
public sealed class PaperStages(Manifest.Manifest manifest, IPaperDrawing drawing, Action<string> say)
{
    private readonly StageChecker checker = new(manifest, drawing.CodeIdentity);

    public StageStatus Status(StageKind stage) => checker.Status(stage);

    /// <summary>Makes <paramref name="stage"/> now, stale or not.</summary>
    /// <exception cref="Monotone.Core.BadInputException">A result is missing or invalid.</exception>
    public StageRun Make(StageKind stage)
    {
        // Taken before drawing: the results do not change while the stage draws from them.
        if (ExperimentPlan.From(manifest).FirstOrDefault(e => !File.Exists(e.ResultPath)) is { } missing)
        {
            throw new Monotone.Core.BadInputException(missing.ResultPath, $"no result for {missing.Key} yet; run `dotnet monotone run` first");
        }

        var inputs = checker.Inputs(stage)!;
        var planned = drawing.Plan(stage);
        var record = checker.Record;
        var outputs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        int written = 0;
        foreach (var file in planned)
        {
            byte[] bytes = file.Content();
            if (AtomicFile.WriteIfChanged(file.Path, bytes))
            {
                written++;
                say($"monotone: wrote {record.Relative(file.Path)} ({bytes.Length / 1024.0:0.0} KB)");
            }

            outputs[record.Relative(file.Path)] = StageInputs.HashOf(bytes);
        }

        // What the last make wrote and this one no longer plans (a dropped sequence length's
        // figures, say) would otherwise linger, unlisted and never cleaned.
        var others = record.Siblings().SelectMany(r => r.AllOutputs).ToHashSet(StringComparer.Ordinal);
        var removed = new List<string>();
        foreach (string old in record[stage]?.Outputs.Keys ?? Enumerable.Empty<string>())
        {
            string path = record.FullPath(old);
            if (!outputs.ContainsKey(old) && !others.Contains(path) && File.Exists(path))
            {
                File.Delete(path);
                removed.Add(path);
                say($"monotone: removed {old}, which the manifest no longer asks for");
            }
        }

        record.Set(stage, inputs, outputs);
        return new StageRun(stage, [.. planned.Select(f => f.Path)], written, removed);
    }

    /// <summary>Makes <paramref name="stage"/> only when it is stale; null when it was fresh.</summary>
    public StageRun? MakeIfStale(StageKind stage, out StageStatus status)
    {
        status = checker.Status(stage);
        return status.Fresh ? null : Make(stage);
    }

    /// <summary>
    /// `dotnet clean`: deletes every file this study's record lists (never one another study's
    /// record lists, never a result) and the record itself.
    /// </summary>
    /// <returns>The files deleted.</returns>
    public static IReadOnlyList<string> Clean(Manifest.Manifest manifest)
    {
        var record = StageRecord.Open(manifest);
        var others = record.Siblings().SelectMany(r => r.AllOutputs).ToHashSet(StringComparer.Ordinal);
        var deleted = record.AllOutputs.Distinct().Where(p => !others.Contains(p) && File.Exists(p)).ToList();
        foreach (string path in deleted)
        {
            File.Delete(path);
        }

        record.Delete();
        return deleted;
    }
}
