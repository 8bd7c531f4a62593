using Monotone.Results;

namespace Monotone.Tool.Diff;

/// <summary>Pairs the result files of two sides by key and compares each pair with the project's bar.</summary>
internal static class ResultDiff
{
    /// <summary>
    /// Every experiment that has a result file on either side: first those of <paramref name="order"/>
    /// (the manifest's experiments, in its order), then the others by key (ordinal).
    /// </summary>
    /// <param name="comparison">The tolerances: counts exact, floats as <see cref="ResultComparison.Close"/> says; <c>verify</c> uses the same.</param>
    public static IReadOnlyList<ExperimentDiff> Compare(ResultSnapshot older, ResultSnapshot newer, IReadOnlyList<string> order, ResultComparison comparison)
    {
        var present = new HashSet<string>(older.Keys.Concat(newer.Keys), StringComparer.Ordinal);
        var keys = order.Where(present.Contains).Distinct()
            .Concat(present.Except(order, StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var diffs = new List<ExperimentDiff>();
        foreach (string key in keys)
        {
            bool before = older.Keys.Contains(key);
            bool after = newer.Keys.Contains(key);
            if (!before || !after)
            {
                diffs.Add(new ExperimentDiff(key, before ? DiffStatus.Removed : DiffStatus.Added, []));
                continue;
            }

            var changes = comparison.Compare(older.Read(key).Layers, newer.Read(key).Layers);
            diffs.Add(new ExperimentDiff(key, changes.Count > 0 ? DiffStatus.Changed : DiffStatus.Unchanged, changes));
        }

        return diffs;
    }
}
