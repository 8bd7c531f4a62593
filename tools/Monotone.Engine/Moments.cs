using System.Runtime.CompilerServices;

namespace Monotone.Engine;

/// <summary>
/// Count, mean and sum of squared deviations (M2) of a set of values, merged with
/// Chan et al.'s pairwise update. Every term it adds is non-negative, so merging
/// thousands of groups keeps M2 accurate even when the spread is tiny next to
/// the mean, where sum-of-squares-minus-square-of-sum would cancel. The one
/// merge of every engine: the fast engine's groups and columns, the torch
/// engine's chunks of row pairs.
/// </summary>
public struct Moments
{
    public double Count;
    public double Mean;
    public double M2;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double count, double mean, double m2)
    {
        if (count == 0)
        {
            return;
        }

        double total = Count + count;
        double delta = mean - Mean;
        double weight = count / total;
        Mean += delta * weight;
        M2 += m2 + (delta * delta * Count * weight);
        Count = total;
    }

    public void Add(in Moments other) => Add(other.Count, other.Mean, other.M2);

    /// <summary>The sample standard deviation (N-1 denominator, as torch's std()); 0 for fewer than two values.</summary>
    public readonly double SampleStd => Count > 1 ? Math.Sqrt(M2 / (Count - 1)) : 0;
}
