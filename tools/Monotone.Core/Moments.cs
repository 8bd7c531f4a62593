using System.Runtime.CompilerServices;

namespace Monotone.Core;

/// <summary>
/// Count, mean and sum of squared deviations (M2) of a set of values, merged with
/// Chan et al.'s pairwise update. Every term it adds is non-negative, so merging
/// thousands of groups keeps M2 accurate even when the spread is tiny next to
/// the mean, where sum-of-squares-minus-square-of-sum would cancel. The one
/// merge of every engine: the fast engine's groups and columns, the torch
/// engine's chunks of row pairs.
/// </summary>
/// <remarks>
/// Source: T. F. Chan, G. H. Golub, R. J. LeVeque, "Updating formulae and a pairwise algorithm
/// for computing sample variances" (1979), the pairwise combination of (count, mean, M2).
/// A mutable struct, changed only through <see cref="Add(double, double, double)"/>, so that
/// engines keep one per column or chunk without allocating.
/// </remarks>
public struct Moments
{
    /// <summary>How many values were added; a double, as the weight of the pairwise update.</summary>
    public double Count { readonly get; private set; }

    /// <summary>Their mean; 0 when <see cref="Count"/> is 0.</summary>
    public double Mean { readonly get; private set; }

    /// <summary>Their sum of squared deviations from <see cref="Mean"/>.</summary>
    public double M2 { readonly get; private set; }

    /// <summary>The sample standard deviation (N-1 denominator, as torch's std()); 0 for fewer than two values.</summary>
    public readonly double SampleStd => Count > 1 ? Math.Sqrt(M2 / (Count - 1)) : 0;

    /// <summary>Merges a group of <paramref name="count"/> values with the given mean and M2; a group of none changes nothing.</summary>
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

    /// <summary>Merges another set's moments into this one.</summary>
    public void Add(in Moments other) => Add(other.Count, other.Mean, other.M2);
}
