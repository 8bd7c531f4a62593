using Monotone.Core;
using BenchmarkDotNet.Attributes;
using Monotone.Engine;
using Monotone.Engine.Fast;

namespace Monotone.Benchmarks;

/// <summary>
/// <see cref="DoubleRadixSort"/> against <c>Array.Sort(keys, items)</c>, the library routine
/// that gives the same thing: the positions of a column's values in ascending order. One
/// operation is one layer's sorts at sequence length N: every column's values, as the
/// statistics receive them. Both start from the same values and end with the order; the
/// copy into the key array and the identity items are part of Array.Sort's work as the
/// conversion to bit keys is part of the radix sort's.
/// </summary>
[MemoryDiagnoser]
public class SortBenchmarks
{
    private double[][] columns = null!;
    private double[] keys = null!;
    private int[] items = null!;
    private DoubleRadixSort radix = null!;

    /// <summary>The values sorted.</summary>
    public enum Values
    {
        /// <summary>
        /// What the engine sorts on a late mpt-7b-shaped layer (<see cref="KernelData"/>): in
        /// each column, only the rows that can take part in a violation
        /// (<see cref="ViolationCounter.Candidates"/>).
        /// </summary>
        Attention,

        /// <summary>Whole columns of independent values in [0, 1): <see cref="DenseStatistics"/>'s worst case, where no row is pruned.</summary>
        Uniform,
    }

    [Params(256, 1024, 2048)]
    public int N { get; set; }

    [Params(Values.Attention, Values.Uniform)]
    public Values Data { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        columns = new double[N][];
        if (Data == Values.Attention)
        {
            var all = KernelData.CumulativeColumns(N);
            var counter = new ViolationCounter(N);
            for (int k = 0; k < N; k++)
            {
                columns[k] = counter.Candidates(all.AsSpan(k * N, N), AnalysisOptions.NotebookEpsilon).ToArray();
            }
        }
        else
        {
            var random = new Random(N);
            for (int k = 0; k < N; k++)
            {
                columns[k] = KernelData.Uniform(random, N);
            }
        }

        keys = new double[N];
        items = new int[N];
        radix = new DoubleRadixSort(N);
        Console.WriteLine($"// {Data} N={N}: {columns.Sum(c => c.Length)} values in {columns.Length} sorts");
    }

    [Benchmark(Baseline = true)]
    public int ArraySort()
    {
        int check = 0;
        foreach (var column in columns)
        {
            KernelData.ArraySort(column, keys, items);
            check += column.Length > 0 ? items[0] : 0;
        }

        return check;
    }

    [Benchmark]
    public int RadixSort()
    {
        int check = 0;
        foreach (var column in columns)
        {
            var order = radix.Sort(column);
            check += order.Length > 0 ? order[0] : 0;
        }

        return check;
    }
}
