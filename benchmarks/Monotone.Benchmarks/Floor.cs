using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Monotone.Engine.Fast;
using Monotone.TensorInput;

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
        if (!Vector512.IsHardwareAccelerated)
        {
            TensorPrimitives.Exp(x, y[..x.Length]);
            return y[x.Length - 1];
        }

        int j = 0;
        for (; j <= x.Length - Vector512<double>.Count; j += Vector512<double>.Count)
        {
            VectorExp.Of(Vector512.Create(x[j..])).CopyTo(y[j..]);
        }

        for (; j < x.Length; j++)
        {
            y[j] = Math.Exp(x[j]);
        }

        return y[x.Length - 1];
    }
}
