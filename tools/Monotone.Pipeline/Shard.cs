using System.Globalization;

namespace Monotone.Pipeline;

/// <summary>
/// Shard K of N: a deterministic share of the experiments, so that the tasks of a
/// cluster job array split the work without talking to each other.
/// </summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>Parses "K/N" with 1 ≤ K ≤ N.</summary>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && k >= 1 && k <= n)
        {
            return new Shard(k, n);
        }

        throw new FormatException($"--shard must be K/N with 1 <= K <= N, not '{text}'");
    }

    /// <summary>
    /// Deals experiments round-robin in order of their keys, so each shard's share
    /// depends only on the manifest, never on what is stale on one machine.
    /// </summary>
    public IReadOnlyList<Experiment> Select(IReadOnlyList<Experiment> experiments)
    {
        var rank = experiments
            .Select(e => e.Key)
            .Order(StringComparer.Ordinal)
            .Select((key, i) => (key, i))
            .ToDictionary(p => p.key, p => p.i, StringComparer.Ordinal);
        var (index, count) = (Index, Count);
        return [.. experiments.Where(e => rank[e.Key] % count == index - 1)];
    }
}
