using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Monotone.Engine.Fast;

/// <summary>
/// One query row of one head: <c>mean += softmax(row + scores)</c> over the unmasked keys.
/// <para>
/// One arithmetic order on every processor, so that the same input gives the same bytes
/// on any machine (docs/record.md): the row is always processed as eight lanes
/// (<see cref="IEightLanes{TSelf}"/>), carried by one AVX-512 register where the processor
/// has AVX-512 and by four 128-bit registers everywhere else, with the same lane-wise IEEE
/// operations either way. The exponential (<see cref="VectorExp"/>) uses fused
/// multiply-adds, which are exactly rounded on every path, and the eight partial sums are
/// added in one fixed order instead of the framework's horizontal sum, whose order is not
/// specified. No width-dependent kernel remains: one (TensorPrimitives) was what made two
/// processors write different last digits.
/// </para>
/// </summary>
internal static class SoftmaxRow
{
    private const int Width = 8;

    /// <summary>
    /// Adds the row's softmax to <paramref name="mean"/>; <paramref name="row"/> is scratch and
    /// ends holding the exponentials. Used keys holding -inf get the weight 0, as in the
    /// notebook. Returns false, with the row and mean untouched, if the row holds NaN or +inf,
    /// or only -inf (the caller reports where, <see cref="InputValues.Check"/>).
    /// </summary>
    public static bool Accumulate(Span<double> row, ReadOnlySpan<double> scores, Span<double> mean) =>
        Vector512.IsHardwareAccelerated ? Accumulate<Lanes512>(row, scores, mean) : Accumulate<Lanes128>(row, scores, mean);

    /// <summary>
    /// <see cref="Accumulate(Span{double}, ReadOnlySpan{double}, Span{double})"/> with one way of
    /// carrying the eight lanes. Three passes: scores and max (and the check), then exp and
    /// sum, then the scaled add into the mean. The scores are added again in the second pass
    /// rather than stored, so a row that fails the check is still the input. Compiled
    /// optimised on its first call (it has loops: docs/performance.md "Warm-up"), with everything it calls inlined, so a short run never
    /// executes it as tier-0 code.
    /// </summary>
    internal static bool Accumulate<T>(Span<double> row, ReadOnlySpan<double> scores, Span<double> mean)
        where T : struct, IEightLanes<T>
    {
        int m = row.Length;
        int full = m - (m % Width);
        ref double r = ref MemoryMarshal.GetReference(row);
        ref double s = ref MemoryMarshal.GetReference(scores[..m]);
        ref double a = ref MemoryMarshal.GetReference(mean[..m]);

        // x < +inf is false exactly for NaN and +inf, the values no softmax survives.
        var infinity = T.Create(double.PositiveInfinity);
        var maxes = T.Create(double.NegativeInfinity);
        bool ok = true;
        for (int j = 0; j < full; j += Width)
        {
            var input = T.Load(ref r, (nuint)j);
            maxes = T.Max(maxes, input + T.Load(ref s, (nuint)j));
            ok &= T.AllLessThan(input, infinity);
        }

        double max = maxes.MaxLane();
        for (int j = full; j < m; j++)
        {
            double input = Unsafe.Add(ref r, j);
            max = Math.Max(max, input + Unsafe.Add(ref s, j));
            ok &= input < double.PositiveInfinity;
        }

        // A max of -inf means every used key is -inf: the notebook's softmax gives NaN there.
        if (!ok || double.IsNegativeInfinity(max))
        {
            return false;
        }

        // The last partial vector, padded with -inf: exp gives 0 there, so the sum is unaffected.
        Span<double> tail = stackalloc double[Width];
        tail.Fill(double.NegativeInfinity);
        for (int j = full; j < m; j++)
        {
            tail[j - full] = (Unsafe.Add(ref r, j) + Unsafe.Add(ref s, j)) - max;
        }

        // One call site of VectorExp for whole and partial vectors: with two, the JIT on an
        // AVX-512 processor stopped inlining Lanes128's operators here (67 calls left in this
        // method; docs/kernels.md), so the carrier the tests force ran 2-4x slower.
        ref double t = ref MemoryMarshal.GetReference(tail);
        var maxVector = T.Create(max);
        var sums = T.Create(0);
        for (int j = 0; j < m; j += Width)
        {
            bool whole = j < full;
            var x = whole ? (T.Load(ref r, (nuint)j) + T.Load(ref s, (nuint)j)) - maxVector : T.Load(ref t, 0);
            var e = VectorExp.Of(x);
            e.Store(ref whole ? ref Unsafe.Add(ref r, j) : ref t, 0);
            sums += e;
        }

        for (int j = full; j < m; j++)
        {
            Unsafe.Add(ref r, j) = tail[j - full];
        }

        // As torch's softmax: multiply by the reciprocal of the sum.
        double inverse = 1 / sums.Sum();
        var inverseVector = T.Create(inverse);
        for (int j = 0; j < full; j += Width)
        {
            (T.Load(ref a, (nuint)j) + (T.Load(ref r, (nuint)j) * inverseVector)).Store(ref a, (nuint)j);
        }

        for (int j = full; j < m; j++)
        {
            Unsafe.Add(ref a, j) += Unsafe.Add(ref r, j) * inverse;
        }

        return true;
    }
}
