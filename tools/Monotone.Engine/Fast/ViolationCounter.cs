using System.Runtime.CompilerServices;
using Monotone.Core;

namespace Monotone.Engine.Fast;

/// <summary>
/// Steps 7-8 of docs/design.md §1 in O(n² log n) per layer instead of O(n³).
/// <para>
/// In column k, rows i &lt; j violate when <c>fl(C[i,k] - C[j,k]) &lt; -epsilon</c>. For a
/// fixed later row j that predicate is monotone in C[i,k] (fl(a - b) never decreases
/// as a grows), so the earlier rows that violate against j are exactly those whose
/// value lies in a prefix of the column's sorted values, and the prefix's length
/// comes from the exact predicate, so counts equal the pairwise loop's. Sweeping
/// rows in order with a Fenwick tree over value ranks answers, for each j, the
/// count, sum and squared deviations of the violating values in O(log n).
/// </para>
/// <para>
/// Accuracy: each tree node keeps its values as non-negative distances below the
/// largest value inserted into it (re-shifted, with non-negative terms only, when
/// a larger one arrives). A violation's |d| = C[j,k] - C[i,k] is then a sum of
/// non-negative terms, with no cancellation however small d is next to C; the
/// spread of a group is taken about the group's own mean, and groups merge with
/// Chan's update (<see cref="Moments"/>).
/// </para>
/// </summary>
internal sealed class ViolationCounter
{
    private const byte Earlier = 1;
    private const byte Later = 2;

    private readonly int n;
    private readonly double[] suffixMax;
    private readonly double[] values;
    private readonly byte[] roles;
    private readonly int[] rank;
    private readonly int[] threshold;
    private readonly double[] sorted;
    private readonly DoubleRadixSort sort;
    private readonly int[] path = new int[32];

    // The Fenwick tree, 1-based: node x covers ranks (x - lowbit(x), x].
    private readonly double[] nodeCount;
    private readonly double[] nodeMax;
    private readonly double[] nodeBelow;
    private readonly double[] nodeBelowSquared;

    public ViolationCounter(int n)
    {
        this.n = n;
        suffixMax = new double[n];
        values = new double[n];
        roles = new byte[n];
        rank = new int[n];
        threshold = new int[n];
        sorted = new double[n];
        sort = new DoubleRadixSort(n);
        nodeCount = new double[n + 1];
        nodeMax = new double[n + 1];
        nodeBelow = new double[n + 1];
        nodeBelowSquared = new double[n + 1];
    }

    /// <summary>The layer's statistics from its cumulative attention stored by column: <c>columns[k·n + i] = C[i, k]</c>.</summary>
    public LayerStats Layer(ReadOnlySpan<double> columns, double epsilon, double relativeFloor)
    {
        if (!(epsilon >= 0))
        {
            // A negative epsilon would count pairs with C[i,k] >= C[j,k], which the sorted prefix does not hold.
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "the fast engine needs epsilon >= 0");
        }

        var layer = default(ViolationTotals);
        for (int k = 0; k < n; k++)
        {
            var column = default(ViolationTotals);
            Column(columns.Slice(k * n, n), epsilon, relativeFloor, ref column);
            layer.Add(column);
        }

        return layer.ToLayerStats(n);
    }

    private void Column(ReadOnlySpan<double> v, double epsilon, double relativeFloor, ref ViolationTotals totals)
    {
        var kept = Candidates(v, epsilon);
        int m = kept.Length;
        if (m < 2)
        {
            return;
        }

        var order = sort.Sort(kept);
        for (int r = 0; r < m; r++)
        {
            sorted[r] = kept[order[r]];
            rank[order[r]] = r;
        }

        // threshold[p]: how many of the smallest values violate against kept row p. It only
        // grows with the value (ties share it), so one pointer walk finds them all.
        int q = 0;
        for (int r = 0; r < m; r++)
        {
            double w = sorted[r];
            while (q < r && sorted[q] - w < -epsilon)
            {
                q++;
            }

            threshold[order[r]] = q;
        }

        for (int x = 1; x <= m; x++)
        {
            nodeCount[x] = 0;
            nodeBelow[x] = 0;
            nodeBelowSquared[x] = 0;
            nodeMax[x] = sorted[x - (x & -x)]; // the smallest value the node can hold, so any insert lifts it
        }

        for (int p = 0; p < m; p++)
        {
            double w = kept[p];
            if ((roles[p] & Later) != 0 && threshold[p] > 0)
            {
                AddViolationsAgainst(w, threshold[p], relativeFloor, ref totals);
            }

            if ((roles[p] & Earlier) != 0)
            {
                Insert(rank[p] + 1, w, m);
            }
        }
    }

    /// <summary>
    /// The values of <paramref name="v"/> (one column, rows in order) that can be in a violation,
    /// in row order: what the column's sort receives (<see cref="KeepCandidates"/>). Valid until the next call.
    /// </summary>
    internal ReadOnlySpan<double> Candidates(ReadOnlySpan<double> v, double epsilon) => values.AsSpan(0, KeepCandidates(v, epsilon));

    /// <summary>
    /// Keeps only rows that can be in a violation: the earlier row of one (some later
    /// row is above it by more than epsilon) or the later row (some earlier row is
    /// below it). Rows k and above of column k are complete rows, equal to within
    /// rounding, so they drop out here along with any other row that cannot take part.
    /// </summary>
    private int KeepCandidates(ReadOnlySpan<double> v, double epsilon)
    {
        double max = double.NegativeInfinity;
        for (int i = v.Length - 1; i >= 0; i--)
        {
            suffixMax[i] = max;
            max = Math.Max(max, v[i]);
        }

        int m = 0;
        double min = double.PositiveInfinity;
        for (int i = 0; i < v.Length; i++)
        {
            double x = v[i];
            // fl(a - b) is monotone in each argument, so the extremes decide for every partner.
            byte role = (byte)((x - suffixMax[i] < -epsilon ? Earlier : 0) | (min - x < -epsilon ? Later : 0));
            if (role != 0)
            {
                values[m] = x;
                roles[m] = role;
                m++;
            }

            min = Math.Min(min, x);
        }

        return m;
    }

    private void Insert(int x, double value, int size)
    {
        for (; x <= size; x += x & -x)
        {
            double max = nodeMax[x];
            double count = nodeCount[x];
            double lift = Math.Max(value - max, 0);  // the node's maximum rises to value
            double below = Math.Max(max - value, 0); // or value sits below the maximum
            nodeBelowSquared[x] += (lift * ((2 * nodeBelow[x]) + (count * lift))) + (below * below);
            nodeBelow[x] += (count * lift) + below;
            nodeMax[x] = Math.Max(max, value);
            nodeCount[x] = count + 1;
        }
    }

    private void AddViolationsAgainst(double w, int prefix, double relativeFloor, ref ViolationTotals totals)
    {
        // Σ (w - v) over the node's values = count·(w - max) + Σ (max - v): non-negative terms.
        int length = 0;
        double count = 0;
        double sum = 0;
        for (int x = prefix; x > 0; x &= x - 1)
        {
            path[length++] = x;
            double c = nodeCount[x];
            count += c;
            sum += (c * (w - nodeMax[x])) + nodeBelow[x];
        }

        if (count == 0)
        {
            return;
        }

        double m2 = 0;
        if (count > 1)
        {
            // Σ (center - v)² about the group's mean value, node by node:
            // count·b² + 2b·Σ(max - v) + Σ(max - v)², b = center - max.
            double center = w - (sum / count);
            for (int s = 0; s < length; s++)
            {
                int x = path[s];
                double b = center - nodeMax[x];
                m2 += (nodeCount[x] * b * b) + (2 * b * nodeBelow[x]) + nodeBelowSquared[x];
            }

            m2 = Math.Max(m2, 0);
        }

        totals.AddGroup((long)count, sum, m2, w + relativeFloor);
    }
}
