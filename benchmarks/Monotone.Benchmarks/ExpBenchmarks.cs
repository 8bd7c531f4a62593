using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using BenchmarkDotNet.Attributes;
using Monotone.Engine.Fast;

namespace Monotone.Benchmarks;

/// <summary>
/// <see cref="VectorExp"/> (carried as the engine carries it: one Vector512, or four
/// Vector128 on processors without AVX-512) against the library's vector exponentials
/// (<c>TensorPrimitives.Exp</c>, <c>Vector512.Exp</c>, <c>Vector128.Exp</c>), on one softmax row's arguments (x - max, all &lt;= 0). One operation
/// is one row of N keys, the longest row of a layer at sequence length N (a multiple of eight,
/// so there is no partial vector; SoftmaxRow pads its last one with -inf).
/// </summary>
public class ExpBenchmarks
{
    private double[] x = null!;
    private double[] y = null!;

    [Params(256, 2048)]
    public int N { get; set; }

    /// <summary>0: the steepest ALiBi slope (most arguments below -746 for N &gt;= 1024); 31: the flattest (all in [-8, 0]).</summary>
    [Params(0, 31)]
    public int Head { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        x = KernelData.SoftmaxArguments(N, Head);
        y = new double[N];
    }

    [Benchmark(Baseline = true)]
    public double TensorPrimitivesExp()
    {
        TensorPrimitives.Exp(x, y);
        return y[^1];
    }

    [Benchmark]
    public double VectorExpLanes512() => VectorExpOver<Lanes512>();

    [Benchmark]
    public double VectorExpLanes128() => VectorExpOver<Lanes128>();

    [Benchmark]
    public double Vector512Exp() => LibraryExpOver<Library512>();

    [Benchmark]
    public double Vector128Exp() => LibraryExpOver<Library128>();

    // One body for both carriers: a struct type argument is compiled separately for each, as in the engine.
    private double VectorExpOver<TLanes>()
        where TLanes : struct, IEightLanes<TLanes>
    {
        ref double from = ref MemoryMarshal.GetArrayDataReference(x);
        ref double to = ref MemoryMarshal.GetArrayDataReference(y);
        for (int j = 0; j < N; j += 8)
        {
            VectorExp.Of(TLanes.Load(ref from, (nuint)j)).Store(ref to, (nuint)j);
        }

        return y[^1];
    }

    // The library's exponential over one vector width, so that one loop serves both widths as
    // VectorExpOver does for the engine's carriers (the runtime's ISimdVector is not public).
    private interface ILibraryExp
    {
        static abstract int Count { get; }

        static abstract void Exp(ref double from, ref double to, nuint offset);
    }

    private readonly struct Library512 : ILibraryExp
    {
        public static int Count => Vector512<double>.Count;

        public static void Exp(ref double from, ref double to, nuint offset) =>
            Vector512.Exp(Vector512.LoadUnsafe(ref from, offset)).StoreUnsafe(ref to, offset);
    }

    private readonly struct Library128 : ILibraryExp
    {
        public static int Count => Vector128<double>.Count;

        public static void Exp(ref double from, ref double to, nuint offset) =>
            Vector128.Exp(Vector128.LoadUnsafe(ref from, offset)).StoreUnsafe(ref to, offset);
    }

    private double LibraryExpOver<TExp>()
        where TExp : struct, ILibraryExp
    {
        ref double from = ref MemoryMarshal.GetArrayDataReference(x);
        ref double to = ref MemoryMarshal.GetArrayDataReference(y);
        for (int j = 0; j < N; j += TExp.Count)
        {
            TExp.Exp(ref from, ref to, (nuint)j);
        }

        return y[^1];
    }
}
