using System.Numerics.Tensors;
using Monotone.TensorInput;

namespace Monotone.Benchmarks;

/// <summary>
/// The floor the issue measures the engine against: read every head of the input
/// once and take the exponential of every unmasked element once, on as many
/// layers at a time as the engine uses. No engine can do less.
/// </summary>
internal static class Floor
{
    public static double Run(IAttentionSource source, int jobs)
    {
        int n = source.SequenceLength;
        int next = -1;
        double checksum = 0;
        Parallel.For(0, Math.Min(jobs, source.Layers), new ParallelOptions { MaxDegreeOfParallelism = jobs }, _ =>
        {
            var head = new double[n * n];
            var exponentials = new double[n];
            double local = 0;
            int layer;
            while ((layer = Interlocked.Increment(ref next)) < source.Layers)
            {
                for (int h = 0; h < source.Heads; h++)
                {
                    source.ReadHead(layer, h, head);
                    for (int i = 0; i < n; i++)
                    {
                        var row = exponentials.AsSpan(0, i + 1);
                        TensorPrimitives.Exp(head.AsSpan(i * n, i + 1), row);
                        local += row[i];
                    }
                }
            }

            lock (source)
            {
                checksum += local;
            }
        });

        return checksum; // returned so that nothing above can be optimised away
    }
}
