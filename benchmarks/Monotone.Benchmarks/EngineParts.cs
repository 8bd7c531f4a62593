using BenchmarkDotNet.Attributes;
using Monotone.Core;
using Monotone.Engine.Fast;

namespace Monotone.Benchmarks;

/// <summary>One layer of an mpt-7b-shaped (32-head) synthetic input, stage by stage.</summary>
[MemoryDiagnoser]
public class EngineParts
{
    private BenchmarkAttention source = null!;
    private double[][] alibi = null!;
    private double[] head = null!;
    private double[] mean = null!;
    private double[] columns = null!;
    private ViolationCounter counter = null!;

    [Params(256, 1024)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        source = new BenchmarkAttention("mpt-7b", 1, 32, N);
        alibi = StreamedSoftmax.AlibiRows(AlibiSlopes.Notebook(32), N);
        head = new double[N * N];
        mean = new double[N * N];
        columns = new double[N * N];
        counter = new ViolationCounter(N);
        Transform();
    }

    /// <summary>Reading the 32 heads alone (here: generating them), for scale.</summary>
    [Benchmark]
    public void ReadHeads()
    {
        for (int h = 0; h < source.Heads; h++)
        {
            source.ReadHead(0, h, head);
        }
    }

    /// <summary>ALiBi, mask, softmax and head mean of 32 heads, then C by column.</summary>
    [Benchmark]
    public void Transform()
    {
        StreamedSoftmax.CumulativeByColumn(source, 0, alibi, mean, columns, CancellationToken.None);
    }

    /// <summary>The violation statistics of one layer from C.</summary>
    [Benchmark]
    public LayerStats Statistics() => counter.Layer(columns, AnalysisOptions.NotebookEpsilon, AnalysisOptions.NotebookRelativeFloor);
}
