using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Monotone.Engine.Fast;

/// <summary>
/// One query row of one head: <c>mean += softmax(row + scores)</c> over the unmasked keys.
/// Both exponentials (<see cref="VectorExp"/>, TensorPrimitives.Exp) are within 2 ulp of
/// Math.Exp over [-746, 0]: far inside the 1e-9 bar.
/// </summary>
internal static class SoftmaxRow
{
    /// <summary>
    /// Adds the row's softmax to <paramref name="mean"/>; <paramref name="row"/> is scratch and
    /// ends holding the exponentials. Returns false, with the row untouched, if it holds a
    /// non-finite value (the caller reports where).
    /// </summary>
    public static bool Accumulate(Span<double> row, ReadOnlySpan<double> scores, Span<double> mean) =>
        Vector512.IsHardwareAccelerated ? Fused(row, scores, mean) : Portable(row, scores, mean);

    /// <summary>Seven TensorPrimitives passes over the row: any processor.</summary>
    internal static bool Portable(Span<double> row, ReadOnlySpan<double> scores, Span<double> mean)
    {
        if (!TensorPrimitives.IsFiniteAll<double>(row))
        {
            return false;
        }

        TensorPrimitives.Add(row, scores, row);
        double max = TensorPrimitives.Max<double>(row);
        TensorPrimitives.Subtract(row, max, row);
        TensorPrimitives.Exp<double>(row, row);

        // As torch's softmax: multiply by the reciprocal of the sum.
        TensorPrimitives.MultiplyAdd(row, 1 / TensorPrimitives.Sum<double>(row), mean, mean);
        return true;
    }

    /// <summary>
    /// Three passes with AVX-512: scores and max (and a finiteness check: x - x is 0 for
    /// finite x, NaN otherwise), then exp and sum, then the scaled add into the mean.
    /// The scores are added again in the second pass rather than stored, so a row that
    /// fails the check is still the input. Compiled optimised on its first call, with
    /// everything it calls inlined, so a short run never executes it as tier-0 code.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool Fused(Span<double> row, ReadOnlySpan<double> scores, Span<double> mean)
    {
        const int Width = 8;
        int m = row.Length;
        int full = m - (m % Width);
        ref double r = ref MemoryMarshal.GetReference(row);
        ref double s = ref MemoryMarshal.GetReference(scores[..m]);
        ref double a = ref MemoryMarshal.GetReference(mean[..m]);

        var maxes = Vector512.Create(double.NegativeInfinity);
        var checks = Vector512<double>.Zero;
        for (int j = 0; j < full; j += Width)
        {
            var input = Vector512.LoadUnsafe(ref r, (nuint)j);
            maxes = Vector512.Max(maxes, input + Vector512.LoadUnsafe(ref s, (nuint)j));
            checks += input - input;
        }

        double max = HorizontalMax(maxes);
        double check = Vector512.Sum(checks);
        for (int j = full; j < m; j++)
        {
            double input = Unsafe.Add(ref r, j);
            max = Math.Max(max, input + Unsafe.Add(ref s, j));
            check += input - input;
        }

        if (!(check == 0))
        {
            return false;
        }

        var maxVector = Vector512.Create(max);
        var sums = Vector512<double>.Zero;
        for (int j = 0; j < full; j += Width)
        {
            var x = Vector512.LoadUnsafe(ref r, (nuint)j) + Vector512.LoadUnsafe(ref s, (nuint)j);
            var e = VectorExp.Of(x - maxVector);
            e.StoreUnsafe(ref r, (nuint)j);
            sums += e;
        }

        if (full < m)
        {
            // The last partial vector, padded with -inf: exp gives 0 there, so the sum is unaffected.
            Span<double> tail = stackalloc double[Width];
            tail.Fill(double.NegativeInfinity);
            for (int j = full; j < m; j++)
            {
                tail[j - full] = (Unsafe.Add(ref r, j) + Unsafe.Add(ref s, j)) - max;
            }

            var e = VectorExp.Of(Vector512.Create((ReadOnlySpan<double>)tail));
            sums += e;
            for (int j = full; j < m; j++)
            {
                Unsafe.Add(ref r, j) = e[j - full];
            }
        }

        // As torch's softmax: multiply by the reciprocal of the sum.
        double inverse = 1 / Vector512.Sum(sums);
        var inverseVector = Vector512.Create(inverse);
        for (int j = 0; j < full; j += Width)
        {
            (Vector512.LoadUnsafe(ref a, (nuint)j) + (Vector512.LoadUnsafe(ref r, (nuint)j) * inverseVector)).StoreUnsafe(ref a, (nuint)j);
        }

        for (int j = full; j < m; j++)
        {
            Unsafe.Add(ref a, j) += Unsafe.Add(ref r, j) * inverse;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double HorizontalMax(Vector512<double> v)
    {
        var quarter = Vector128.Max(
            Vector256.Max(v.GetLower(), v.GetUpper()).GetLower(),
            Vector256.Max(v.GetLower(), v.GetUpper()).GetUpper());
        return Math.Max(quarter.GetElement(0), quarter.GetElement(1));
    }
}
