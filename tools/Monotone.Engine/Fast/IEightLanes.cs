namespace Monotone.Engine.Fast;

/// <summary>
/// Eight doubles operated on lane by lane, with the same IEEE operations whatever
/// instructions carry them (<see cref="Lanes512"/>: one AVX-512 register;
/// <see cref="Lanes128"/>: four 128-bit SSE or Arm AdvSimd registers). Code written once
/// against this interface therefore computes the same bits on every processor: the row
/// kernel's arithmetic order is fixed at eight lanes, never the machine's vector width.
/// Implementations are structs, so the JIT compiles each use separately and inlines it.
/// </summary>
internal interface IEightLanes<TSelf>
    where TSelf : struct, IEightLanes<TSelf>
{
    static abstract TSelf Create(double value);

    /// <summary>Eight values from <paramref name="source"/>[<paramref name="offset"/>..].</summary>
    static abstract TSelf Load(ref double source, nuint offset);

    static abstract TSelf operator +(TSelf left, TSelf right);

    static abstract TSelf operator -(TSelf left, TSelf right);

    static abstract TSelf operator *(TSelf left, TSelf right);

    /// <summary>a·b + c rounded once (exactly rounded on every processor, in hardware or software).</summary>
    static abstract TSelf FusedMultiplyAdd(TSelf a, TSelf b, TSelf c);

    static abstract TSelf Max(TSelf left, TSelf right);

    /// <summary>Rounds to the nearest integer, ties to even.</summary>
    static abstract TSelf Round(TSelf value);

    static abstract TSelf Floor(TSelf value);

    /// <summary>2^k for integral k in [-1022, 1023], exactly.</summary>
    static abstract TSelf PowerOfTwo(TSelf k);

    /// <summary>Whether every lane is below <paramref name="bound"/> (false for a NaN lane).</summary>
    static abstract bool AllLessThan(TSelf value, TSelf bound);

    void Store(ref double destination, nuint offset);

    /// <summary>The lanes' sum as one fixed pairwise tree: ((0+1)+(2+3))+((4+5)+(6+7)).</summary>
    double Sum();

    /// <summary>The largest lane; max is exact, so its order does not matter.</summary>
    double MaxLane();
}
