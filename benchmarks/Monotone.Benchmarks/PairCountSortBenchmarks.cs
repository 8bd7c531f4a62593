using BenchmarkDotNet.Attributes;
using Monotone.Engine.Fast;

namespace Monotone.Benchmarks;

/// <summary>
/// One sort of n(n-1)/2 values (the number of row pairs for n = 256, 512, 1024), uniform in
/// [0, 1): <see cref="DoubleRadixSort"/> against <c>Array.Sort(keys, items)</c> at sizes the
/// engine never sorts (it sorts columns of at most n values, <see cref="SortBenchmarks"/>),
/// to show how the two scale.
/// </summary>
[MemoryDiagnoser]
public class PairCountSortBenchmarks
{
    private double[] values = null!;
    private double[] keys = null!;
    private int[] items = null!;
    private DoubleRadixSort radix = null!;

    [Params(32_640, 130_816, 523_776)]
    public int Length { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        values = KernelData.Uniform(new Random(Length), Length);
        keys = new double[Length];
        items = new int[Length];
        radix = new DoubleRadixSort(Length);
    }

    [Benchmark(Baseline = true)]
    public int ArraySort()
    {
        KernelData.ArraySort(values, keys, items);
        return items[0];
    }

    [Benchmark]
    public int RadixSort() => radix.Sort(values)[0];
}
