using Monotone.Results;

namespace Monotone.Appendix.Provenance;

/// <summary>
/// Each result's <see cref="ResultOrigin"/>, keyed by the result object itself (the caller read
/// each result from one file, so the object identifies the file).
/// </summary>
public sealed class ResultOrigins
{
    private readonly Dictionary<MonotonicityResult, ResultOrigin> origins = new(ReferenceEqualityComparer.Instance);

    public ResultOrigins(IEnumerable<KeyValuePair<MonotonicityResult, ResultOrigin>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (result, origin) in entries)
        {
            origins.Add(result, origin);
        }
    }

    /// <summary>No origins: every result shows its recorded input path and <see cref="GitHistory.NoHistory"/>.</summary>
    public static ResultOrigins None { get; } = new([]);

    /// <summary>The origin given for <paramref name="result"/>; without one, its recorded input path and no history.</summary>
    public ResultOrigin For(MonotonicityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return origins.TryGetValue(result, out var origin) ? origin : new ResultOrigin(result.Input.Path, GitHistory.NoHistory);
    }
}
