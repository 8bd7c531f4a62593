using BenchmarkDotNet.Attributes;
using Monotone.Core;
using Monotone.Engine.Fast;

namespace Monotone.Benchmarks;

/// <summary>
/// The statistics' worst case: columns of independent random values, so no row can be
/// pruned and about a quarter of all pairs violate. Real attention prunes most rows.
/// </summary>
[MemoryDiagnoser]
public class DenseStatistics
{
    private double[] columns = null!;
    private ViolationCounter counter = null!;

    [Params(256, 1024, 2048)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        columns = KernelData.Uniform(new Random(N), N * N);
        counter = new ViolationCounter(N);
    }

    [Benchmark]
    public LayerStats Statistics() => counter.Layer(columns, AnalysisOptions.NotebookEpsilon, AnalysisOptions.NotebookRelativeFloor);
}
