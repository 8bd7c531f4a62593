using System.Globalization;
using Monotone.Results;
using Monotone.Tool.Console;

namespace Monotone.Tool.Diff;

/// <summary>The text form of a diff: a first line naming the sides, a table of what changed, a one-line summary.</summary>
internal static class DiffTable
{
    public static void Write(TextWriter writer, ResultSnapshot older, ResultSnapshot newer, ResultComparison comparison, IReadOnlyList<ExperimentDiff> diffs)
    {
        writer.WriteLine($"diff: {older.Title} -> {newer.Title}");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var diff in diffs)
        {
            switch (diff.Status)
            {
                case DiffStatus.Added or DiffStatus.Removed:
                    rows.Add([diff.Key, "-", "experiment", diff.Status == DiffStatus.Added ? "-" : "present", diff.Status == DiffStatus.Added ? "present" : "-", diff.Status == DiffStatus.Added ? "added" : "removed"]);
                    break;
                case DiffStatus.Changed:
                    rows.AddRange(diff.Changes.Select(c => DifferenceRow.Of(diff.Key, c)));
                    break;
            }
        }

        if (rows.Count > 0)
        {
            TextTable.Write(writer, ["Experiment", "Layer", "Field", "Old", "New", "Change"], rows);
        }

        int Count(DiffStatus status) => diffs.Count(d => d.Status == status);
        writer.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"diff: {Count(DiffStatus.Changed)} changed, {Count(DiffStatus.Added)} added, {Count(DiffStatus.Removed)} removed, {Count(DiffStatus.Unchanged)} unchanged (counts exact, floats within {comparison.Relative:G3} relative, {comparison.Absolute:G3} absolute)"));
    }
}
