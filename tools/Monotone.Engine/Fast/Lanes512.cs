using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Monotone.Engine.Fast;

/// <summary>Eight lanes in one <see cref="Vector512{T}"/>: for processors with AVX-512 (<see cref="IEightLanes{TSelf}"/>).</summary>
[method: MethodImpl(MethodImplOptions.AggressiveInlining)]
internal readonly struct Lanes512(Vector512<double> value) : IEightLanes<Lanes512>
{
    // 2^52: adding it to a small non-negative integer leaves that integer in the low mantissa bits.
    private const double IntegerMagic = 4503599627370496.0;

    public Vector512<double> Value { [MethodImpl(MethodImplOptions.AggressiveInlining)] get; } = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Create(double value) => new(Vector512.Create(value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Load(ref double source, nuint offset) => new(Vector512.LoadUnsafe(ref source, offset));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator +(Lanes512 left, Lanes512 right) => new(left.Value + right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator -(Lanes512 left, Lanes512 right) => new(left.Value - right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 operator *(Lanes512 left, Lanes512 right) => new(left.Value * right.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 FusedMultiplyAdd(Lanes512 a, Lanes512 b, Lanes512 c) => new(Vector512.FusedMultiplyAdd(a.Value, b.Value, c.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Max(Lanes512 left, Lanes512 right) => new(Vector512.Max(left.Value, right.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Round(Lanes512 value) => new(Vector512.Round(value.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 Floor(Lanes512 value) => new(Vector512.Floor(value.Value));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lanes512 PowerOfTwo(Lanes512 k) =>
        new(Vector512.ShiftLeft((k.Value + Vector512.Create(1023 + IntegerMagic)).AsInt64(), 52).AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllLessThan(Lanes512 value, Lanes512 bound) => Vector512.LessThanAll(value.Value, bound.Value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Store(ref double destination, nuint offset) => Value.StoreUnsafe(ref destination, offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Sum() =>
        ((Value.GetElement(0) + Value.GetElement(1)) + (Value.GetElement(2) + Value.GetElement(3)))
        + ((Value.GetElement(4) + Value.GetElement(5)) + (Value.GetElement(6) + Value.GetElement(7)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double MaxLane()
    {
        var half = Vector256.Max(Value.GetLower(), Value.GetUpper());
        var quarter = Vector128.Max(half.GetLower(), half.GetUpper());
        return Math.Max(quarter.GetElement(0), quarter.GetElement(1));
    }
}
