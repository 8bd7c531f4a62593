using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Monotone.Engine.Fast;

/// <summary>
/// Eight lanes in four <see cref="Vector128{T}"/> (lanes 0-1, 2-3, 4-5, 6-7): for every
/// processor without AVX-512, since 128-bit vectors are accelerated on all x86-64 (SSE2)
/// and Arm64 (AdvSimd) processors (<see cref="IEightLanes{TSelf}"/>).
/// </summary>
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
internal readonly struct Lanes128(Vector128<double> a, Vector128<double> b, Vector128<double> c, Vector128<double> d) : IEightLanes<Lanes128>
{
    // 2^52: adding it to a small non-negative integer leaves that integer in the low mantissa bits.
    private const double IntegerMagic = 4503599627370496.0;

    public Vector128<double> A { [MethodImpl(MethodImplOptions.AggressiveInlining)] get; } = a;

    public Vector128<double> B { [MethodImpl(MethodImplOptions.AggressiveInlining)] get; } = b;

    public Vector128<double> C { [MethodImpl(MethodImplOptions.AggressiveInlining)] get; } = c;

    public Vector128<double> D { [MethodImpl(MethodImplOptions.AggressiveInlining)] get; } = d;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Create(double value)
    {
        var v = Vector128.Create(value);
        return new(v, v, v, v);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Load(ref double source, nuint offset) => new(
        Vector128.LoadUnsafe(ref source, offset),
        Vector128.LoadUnsafe(ref source, offset + 2),
        Vector128.LoadUnsafe(ref source, offset + 4),
        Vector128.LoadUnsafe(ref source, offset + 6));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator +(Lanes128 left, Lanes128 right) => new(left.A + right.A, left.B + right.B, left.C + right.C, left.D + right.D);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator -(Lanes128 left, Lanes128 right) => new(left.A - right.A, left.B - right.B, left.C - right.C, left.D - right.D);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 operator *(Lanes128 left, Lanes128 right) => new(left.A * right.A, left.B * right.B, left.C * right.C, left.D * right.D);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 FusedMultiplyAdd(Lanes128 a, Lanes128 b, Lanes128 c) => new(
        Vector128.FusedMultiplyAdd(a.A, b.A, c.A),
        Vector128.FusedMultiplyAdd(a.B, b.B, c.B),
        Vector128.FusedMultiplyAdd(a.C, b.C, c.C),
        Vector128.FusedMultiplyAdd(a.D, b.D, c.D));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Max(Lanes128 left, Lanes128 right) =>
        new(Vector128.Max(left.A, right.A), Vector128.Max(left.B, right.B), Vector128.Max(left.C, right.C), Vector128.Max(left.D, right.D));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Round(Lanes128 value) =>
        new(Vector128.Round(value.A), Vector128.Round(value.B), Vector128.Round(value.C), Vector128.Round(value.D));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 Floor(Lanes128 value) =>
        new(Vector128.Floor(value.A), Vector128.Floor(value.B), Vector128.Floor(value.C), Vector128.Floor(value.D));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes128 PowerOfTwo(Lanes128 k)
    {
        var bias = Vector128.Create(1023 + IntegerMagic);
        return new(Power(k.A, bias), Power(k.B, bias), Power(k.C, bias), Power(k.D, bias));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        static Vector128<double> Power(Vector128<double> k, Vector128<double> bias) =>
            Vector128.ShiftLeft((k + bias).AsInt64(), 52).AsDouble();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllLessThan(Lanes128 value, Lanes128 bound) =>
        Vector128.LessThanAll(value.A, bound.A) & Vector128.LessThanAll(value.B, bound.B)
        & Vector128.LessThanAll(value.C, bound.C) & Vector128.LessThanAll(value.D, bound.D);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(ref double destination, nuint offset)
    {
        A.StoreUnsafe(ref destination, offset);
        B.StoreUnsafe(ref destination, offset + 2);
        C.StoreUnsafe(ref destination, offset + 4);
        D.StoreUnsafe(ref destination, offset + 6);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sum() =>
        ((A.GetElement(0) + A.GetElement(1)) + (B.GetElement(0) + B.GetElement(1)))
        + ((C.GetElement(0) + C.GetElement(1)) + (D.GetElement(0) + D.GetElement(1)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double MaxLane()
    {
        var m = Vector128.Max(Vector128.Max(A, B), Vector128.Max(C, D));
        return Math.Max(m.GetElement(0), m.GetElement(1));
    }
}
