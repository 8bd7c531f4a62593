using System.Runtime.CompilerServices;

namespace Monotone.Engine.Fast;

/// <summary>
/// exp(x) of eight doubles, lane by lane, with the same IEEE operations whichever way the
/// lanes are carried (<see cref="IEightLanes{TSelf}"/>), so every processor computes the same
/// bits. Used by <see cref="SoftmaxRow"/> for the softmax's exp(x - max).
/// <para>
/// Contract (docs/kernels.md):
/// domain x &lt;= 709.78 (the largest finite result); the softmax passes x - max &lt;= 0.
/// Accuracy: at most 1 ulp from Math.Exp over [-746, 709], 0 ulp on 94% of arguments
/// (VectorExpTests sweeps a million arguments per range and fails above 1 ulp;
/// TensorPrimitives.Exp is at most 2 ulp on the same sweep). exp(±0) = 1 exactly; x &lt;= -745.2
/// and -inf give +0, and results down to the smallest subnormal are rounded once; NaN gives
/// NaN. Outside the domain: (709.78, ~1419] gives +inf, but larger x and +inf give 0 or NaN,
/// so a caller must never pass them (<see cref="SoftmaxRow"/> refuses rows holding +inf or NaN
/// before taking exponentials).
/// </para>
/// <para>
/// Method: Cody-Waite reduction x = n·ln2 + r with |r| &lt;= ln2/2 (the fdlibm split of ln2, so
/// n·ln2_hi is exact), Taylor series of exp(r) to r^13 (truncation below 5e-18 relative), and
/// 2^n applied in two halves so that results in the subnormal range round once.
/// </para>
/// <para>
/// Why not the library's: (1) bits. TensorPrimitives.Exp differs from it on 35-40% of
/// arguments, so switching would change committed results; and the library's vector
/// exponentials are free to change between releases and widths. (2) speed on real rows
/// (ExpBenchmarks, benchmarks/results/kernels.md, short job on a shared two-core machine):
/// on a row of 2048 keys of the steepest ALiBi head, where most arguments underflow, 9 µs
/// against 156 µs for TensorPrimitives.Exp and 120 µs for Vector512.Exp, whose out-of-range
/// lanes take a slow path; on the flattest head 4.8 µs against 13.8 µs (TensorPrimitives) and
/// 4.1 µs (Vector512.Exp); the four-Vector128 carrier 13.5-22 µs against Vector128.Exp's
/// 17-85 µs. (3) It inlines into the row kernel, where a call would run unoptimised for the
/// first part of a short analysis.
/// </para>
/// </summary>
internal static class VectorExp
{
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InverseLn2 = 1.44269504088896338700e+00;

    /// <summary>Below this, exp(x) rounds to 0; clamping keeps n finite for -inf.</summary>
    private const double Lowest = -746.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Of<T>(T x)
        where T : struct, IEightLanes<T>
    {
        x = T.Max(x, T.Create(Lowest));
        var n = T.Round(x * T.Create(InverseLn2));
        var r = T.FusedMultiplyAdd(n, T.Create(-Ln2Hi), x);
        r = T.FusedMultiplyAdd(n, T.Create(-Ln2Lo), r);

        var p = T.Create(1.0 / 6227020800.0); // 1/13!
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0 / 479001600.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0 / 39916800.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0 / 3628800.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0 / 362880.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0 / 40320.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0 / 5040.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0 / 720.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0 / 120.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0 / 24.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0 / 6.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(0.5));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0));
        p = T.FusedMultiplyAdd(p, r, T.Create(1.0));

        // 2^n = 2^half · 2^(n - half), each a normal number for n >= -1076.
        var half = T.Floor(n * T.Create(0.5));
        return p * T.PowerOfTwo(half) * T.PowerOfTwo(n - half);
    }
}
