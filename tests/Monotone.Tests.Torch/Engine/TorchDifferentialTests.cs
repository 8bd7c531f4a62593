using Monotone.Core;
using Monotone.Engine;
using Monotone.Engine.Torch;
using Monotone.Tests.Support;
using Monotone.Tests.Torch.Support;

namespace Monotone.Tests.Torch.Engine;

/// <summary>
/// The torch engine on the CPU and the managed reference engine, two independent
/// implementations, agree on random inputs: counts equal, floats within 1e-9 relative.
/// </summary>
public class TorchDifferentialTests
{
    private static readonly UniformRandomLogits[] Cases =
    [
        new(1, 1, 1, 1, 1.0),
        new(1, 1, 2, 2, 5.0),
        new(2, 3, 5, 3, 2.0),
        new(3, 4, 12, 4, 3.0),
        new(2, 6, 17, 5, 4.0),
        new(2, 5, 33, 6, 1.0),
        new(1, 8, 40, 7, 6.0),
        new(2, 12, 24, 8, 0.5),
    ];

    public static TheoryData<UniformRandomLogits> Inputs() => [.. Cases];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Torch_engine_agrees_with_the_reference_engine(UniformRandomLogits input)
    {
        var expected = new ReferenceEngine().Analyze(input, new AnalysisOptions());

        NotebookAgreement.AssertEqual(expected, TorchEngine.Open(TorchDevice.Cpu).Analyze(input, new AnalysisOptions()));
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Chunks_of_heads_and_pairs_change_nothing(UniformRandomLogits input)
    {
        var expected = new ReferenceEngine().Analyze(input, new AnalysisOptions());

        // A few KiB: one or two heads per batch and a handful of row pairs per chunk.
        var chunked = TorchEngine.Open(TorchDevice.Cpu, chunkMemoryBytes: 4096).Analyze(input, new AnalysisOptions());

        NotebookAgreement.AssertEqual(expected, chunked);
    }

    /// <summary>The CPU, and every CUDA GPU that libtorch sees (none without the CUDA build and a GPU).</summary>
    public static TheoryData<string> Devices() =>
        [.. Enumerable.Range(0, LibTorchRuntime.CudaDevices(out _)).Select(i => $"cuda:{i}").Prepend("cpu")];

    [Theory]
    [MemberData(nameof(Devices))]
    public void On_every_device_the_torch_engine_agrees_with_the_reference_engine(string device)
    {
        Assert.True(TorchDevice.TryParse(device, out var parsed));
        var engine = TorchEngine.Open(parsed);

        foreach (var input in Cases)
        {
            NotebookAgreement.AssertEqual(new ReferenceEngine().Analyze(input, new AnalysisOptions()), engine.Analyze(input, new AnalysisOptions()));
        }
    }

    [Fact]
    public void Options_and_slope_sets_reach_the_tensor_program()
    {
        var input = new UniformRandomLogits(2, 6, 20, 11, 3.0);
        var options = new AnalysisOptions { Slopes = SlopeSpec.Bloom, Epsilon = 1e-4, RelativeFloor = 1e-3 };

        var expected = new ReferenceEngine().Analyze(input, options);

        NotebookAgreement.AssertEqual(expected, TorchEngine.Open(TorchDevice.Cpu).Analyze(input, options));
        Assert.NotEqual(expected, new ReferenceEngine().Analyze(input, new AnalysisOptions()));
    }

    [Fact]
    public void The_random_inputs_violate_monotonicity_often_enough_to_test_the_statistics()
    {
        var violations = Cases
            .Select(input => new ReferenceEngine().Analyze(input, new AnalysisOptions()).Sum(l => l.ViolationsCount))
            .ToList();

        Assert.True(violations.Count(v => v > 1) >= 5, $"violations per input: {string.Join(", ", violations)}");
    }

    [Theory]
    [InlineData(1, 1, 1L << 30, 1, 1)]
    [InlineData(32, 256, 1L << 30, 32, 32640)]
    [InlineData(112, 2048, 1L << 30, 6, 9362)]
    [InlineData(4, 64, 1, 1, 1)]
    public void Chunk_plans_fit_the_budget(int heads, int n, long budget, int headsPerBatch, long pairsPerChunk) =>
        Assert.Equal(new ChunkPlan(headsPerBatch, pairsPerChunk), ChunkPlan.For(heads, n, budget));

    [Fact]
    public void Without_a_set_budget_a_GPU_gets_a_quarter_of_its_free_memory_and_the_CPU_small_chunks()
    {
        Assert.Equal(20L << 30, ChunkPlan.DefaultBudget(cuda: true, 80L << 30));
        Assert.Equal(ChunkPlan.CpuBudgetCap, ChunkPlan.DefaultBudget(cuda: false, 24L << 30));
        Assert.Equal(1L << 20, ChunkPlan.DefaultBudget(cuda: false, 4L << 20));
    }
}
