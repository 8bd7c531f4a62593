using System.Text.Json.Serialization;

namespace Monotone.Core;

/// <summary>
/// Statistics for a single layer, with the notebook's field names and meanings
/// (docs/design.md §1, step 8).
/// </summary>
public sealed record LayerStats(
    long Combinations,
    long ViolationsCount,
    double TotalAbsoluteError,
    double TotalRelativeError,
    double ViolationRate,
    double AbsoluteError,
    double AbsoluteErrorStd,
    double RelativeError,
    double RelativeErrorStd)
{
    /// <summary>The layer's number, counted from 1 as in the notebook's plots.</summary>
    [JsonPropertyOrder(-1)]
    public int Layer { get; init; }

    /// <summary>Derives the notebook's rates and means from the totals, exactly as it divides.</summary>
    public static LayerStats FromTotals(
        long combinations,
        long violations,
        double totalAbsolute,
        double totalRelative,
        double absoluteStd,
        double relativeStd) => new(
            combinations,
            violations,
            totalAbsolute,
            totalRelative,
            (double)violations / Math.Max(combinations, 1),
            totalAbsolute / Math.Max(violations, 1),
            absoluteStd,
            totalRelative / Math.Max(violations, 1),
            relativeStd);

    /// <summary>The notebook's combinations: n(n-1)/2 row pairs times n columns.</summary>
    public static long CombinationsFor(int n) => (long)n * (n - 1) / 2 * n;
}
