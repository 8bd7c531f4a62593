using System.Runtime.CompilerServices;
using Monotone.Core;

namespace Monotone.Engine.Fast;

/// <summary>
/// What the statistics need from a set of violations: their number, the totals
/// of the absolute and relative errors, and Chan-mergeable moments of both.
/// Groups (one later row, one column) merge into a column, columns into a layer,
/// so no sum runs over more than n terms.
/// The engine's loops are compiled optimised on their first call (the tool's one warm-up
/// mechanism, docs/performance.md "Warm-up") and call only what inlines into them: a sub-second analysis must not run tier-0 code.
/// </summary>
internal struct ViolationTotals
{
    public long Count;
    public CompensatedSum Absolute;
    public CompensatedSum Relative;
    public Moments AbsoluteMoments;
    public Moments RelativeMoments;

    /// <summary>
    /// Adds the violations of one later row j in one column: <paramref name="count"/> pairs
    /// whose |d| sum to <paramref name="sum"/> with squared deviations <paramref name="m2"/>
    /// about their mean, all divided by the same <paramref name="denominator"/> = C[j,k] + floor
    /// for the relative errors (C[j,k] is the larger value of every violating pair).
    /// </summary>
    public void AddGroup(long count, double sum, double m2, double denominator)
    {
        double mean = sum / count;
        Count += count;
        Absolute.Add(sum);
        Relative.Add(sum / denominator);
        AbsoluteMoments.Add(count, mean, m2);
        RelativeMoments.Add(count, mean / denominator, m2 / (denominator * denominator));
    }

    public void Add(in ViolationTotals other)
    {
        Count += other.Count;
        Absolute.Add(other.Absolute.Value);
        Relative.Add(other.Relative.Value);
        AbsoluteMoments.Add(other.AbsoluteMoments);
        RelativeMoments.Add(other.RelativeMoments);
    }

    public readonly LayerStats ToLayerStats(int n) => LayerStats.FromTotals(
        LayerStats.CombinationsFor(n),
        Count,
        Absolute.Value,
        Relative.Value,
        AbsoluteMoments.SampleStd,
        RelativeMoments.SampleStd);
}
