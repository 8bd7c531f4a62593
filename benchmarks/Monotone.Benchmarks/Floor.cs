using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Monotone.Core;
using Monotone.Engine.Fast;

namespace Monotone.Benchmarks;

/// <summary>
/// The floor the issue measures the engine against: read every head of the input
/// once and take the exponential of every unmasked element once, on as many layers
/// at a time as the engine uses, with the engine's exponential, compiled as eagerly.
/// No engine can do less.
/// </summary>
internal static class Floor
{
    public static double Run(IAttentionSource source, int jobs)
    {
        int next = -1;
        double checksum = 0;
        Parallel.For(0, Math.Min(jobs, source.Layers), new ParallelOptions { MaxDegreeOfParallelism = jobs }, _ =>
        {
            double local = Layers(source, ref next);
            lock (source)
            {
                checksum += local;
            }
        });

        return checksum; // returned so that nothing above can be optimised away
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Layers(IAttentionSource source, ref int next)
    {
        int n = source.SequenceLength;
        var head = new double[n * n];
        var exponentials = new double[n];
        double checksum = 0;
        int layer;
        while ((layer = Interlocked.Increment(ref next)) < source.Layers)
        {
            for (int h = 0; h < source.Heads; h++)
            {
                source.ReadHead(layer, h, head);
                for (int i = 0; i < n; i++)
                {
                    checksum += Exp(head.AsSpan(i * n, i + 1), exponentials);
                }
            }
        }

        return checksum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Exp(ReadOnlySpan<double> x, Span<double> y)
    {
        return Vector512.IsHardwareAccelerated ? Exp<Lanes512>(x, y) : Exp<Lanes128>(x, y);
    }

    // The engine's exponential, carried as the engine carries it on this processor.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Exp<T>(ReadOnlySpan<double> x, Span<double> y)
        where T : struct, IEightLanes<T>
    {
        ref double from = ref MemoryMarshal.GetReference(x);
        ref double to = ref MemoryMarshal.GetReference(y);
        int j = 0;
        for (; j <= x.Length - 8; j += 8)
        {
            VectorExp.Of(T.Load(ref from, (nuint)j)).Store(ref to, (nuint)j);
        }

        for (; j < x.Length; j++)
        {
            y[j] = Math.Exp(x[j]);
        }

        return y[x.Length - 1];
    }
}
