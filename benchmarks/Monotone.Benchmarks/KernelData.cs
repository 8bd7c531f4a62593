using Monotone.Core;
using Monotone.Engine;
using Monotone.Engine.Fast;

namespace Monotone.Benchmarks;

/// <summary>
/// The inputs the kernel benchmarks share: what the engine really hands its kernels on an
/// mpt-7b-shaped (32-head) synthetic layer, so that the library routines and ours see the
/// same values.
/// </summary>
internal static class KernelData
{
    /// <summary>A late layer (31 of 32), whose sink makes rows cross: C stored by column, n×n.</summary>
    public static double[] CumulativeColumns(int n)
    {
        var source = new BenchmarkAttention("mpt-7b", 32, 32, n);
        var alibi = StreamedSoftmax.AlibiRows(AlibiSlopes.Notebook(32), n);
        var sums = new double[n * n];
        var columns = new double[n * n];
        StreamedSoftmax.CumulativeByColumn(source, 31, alibi, sums, columns, CancellationToken.None);
        return columns;
    }

    /// <summary>
    /// The library baseline the radix sort is measured against: <paramref name="values"/> copied into the first
    /// <paramref name="values"/>.Length slots of <paramref name="keys"/>, <paramref name="items"/> filled with the
    /// identity 0..m-1, and both sorted by key with <c>Array.Sort(keys, items, 0, m)</c>. The copy and the fill are
    /// part of the work, as they would be for the engine.
    /// </summary>
    public static void ArraySort(double[] values, double[] keys, int[] items)
    {
        int m = values.Length;
        values.CopyTo(keys, 0);
        for (int p = 0; p < m; p++)
        {
            items[p] = p;
        }

        Array.Sort(keys, items, 0, m);
    }

    /// <summary>
    /// <paramref name="length"/> values uniform in [0, 1), the next ones <paramref name="random"/> draws:
    /// the worst case for the statistics and the sorts (no structure to exploit).
    /// </summary>
    public static double[] Uniform(Random random, int length)
    {
        var values = new double[length];
        for (int p = 0; p < length; p++)
        {
            values[p] = random.NextDouble();
        }

        return values;
    }

    /// <summary>
    /// The exponential's arguments for the last query row of one head of that layer: x - max
    /// over keys 0..n-1, all &lt;= 0, as <see cref="SoftmaxRow"/> passes them. Head 0 has the
    /// steepest ALiBi slope (2^-0.25: most keys underflow to 0 for n &gt;= 1024), head 31 the
    /// flattest (2^-8: every argument within [-8, 0]).
    /// </summary>
    public static double[] SoftmaxArguments(int n, int head)
    {
        var source = new BenchmarkAttention("mpt-7b", 32, 32, n);
        var alibi = StreamedSoftmax.AlibiRows(AlibiSlopes.Notebook(32), n);
        var values = new double[n * n];
        source.ReadHead(31, head, values);
        var x = new double[n];
        for (int j = 0; j < n; j++)
        {
            x[j] = values[((n - 1) * n) + j] + alibi[head][j];
        }

        double max = x.Max();
        for (int j = 0; j < n; j++)
        {
            x[j] -= max;
        }

        return x;
    }
}
