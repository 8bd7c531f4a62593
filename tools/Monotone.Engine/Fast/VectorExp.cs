using System.Runtime.CompilerServices;

namespace Monotone.Engine.Fast;

/// <summary>
/// exp(x) of eight doubles with x &lt;= 709 (the softmax's arguments x - max are &lt;= 0;
/// there is no overflow to infinity). Written out here
/// (rather than calling Vector512.Exp) so that it inlines into the row kernel: the
/// framework's version is a separate method that runs as unoptimised tier-0 code for
/// the first tenth of a second, a third of a short analysis; and so that its operations
/// are the same on every processor (<see cref="IEightLanes{TSelf}"/>).
/// <para>
/// Cody-Waite reduction x = n·ln2 + r with |r| &lt;= ln2/2 (the fdlibm split of ln2, so
/// n·ln2_hi is exact), Taylor series of exp(r) to r^13 (truncation below 5e-18
/// relative), and 2^n applied in two halves so that results down to the subnormal
/// range round once. Within 2 ulp of Math.Exp over [-746, 709] (see the tests); exactly
/// 1 at 0 and 0 at -inf.
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
