using Monotone.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Monotone.Engine.Torch;

/// <summary>
/// The notebook's tensor program on TorchSharp, in float64, on the CPU or a CUDA GPU: an
/// independent second implementation that the managed engines are checked against, and
/// the fast path on a machine with a GPU. Layers stream from the source one at a time.
/// </summary>
public sealed class TorchEngine : IMonotonicityEngine
{
    private readonly long? chunkMemoryBytes;

    private TorchEngine(TorchDevice device, long? chunkMemoryBytes, LoadedLibTorch runtime)
    {
        Device = device;
        this.chunkMemoryBytes = chunkMemoryBytes;
        Runtime = runtime;
    }

    /// <summary>"torch:cpu" or "torch:cuda:N": the device is part of what ran.</summary>
    public string Name => $"torch:{Device}";

    public TorchDevice Device { get; }

    public LoadedLibTorch Runtime { get; }

    /// <summary>Loads libtorch and checks the device is there.</summary>
    /// <param name="chunkMemoryBytes">Memory for one batch of heads or chunk of pairs; default <see cref="ChunkPlan.DefaultBudget"/>.</param>
    /// <exception cref="EngineUnavailableException">libtorch does not load, or the device is not there.</exception>
    public static TorchEngine Open(TorchDevice device, long? chunkMemoryBytes = null)
    {
        var runtime = LibTorchRuntime.Ensure();
        if (device.IsCuda)
        {
            int count = LibTorchRuntime.CudaDevices(out string why);
            if (device.Index >= count)
            {
                throw new EngineUnavailableException(count == 0 ? $"{device} is not available: {why}" : $"{device} is not available: libtorch sees {count} CUDA device(s)");
            }
        }

        return new TorchEngine(device, chunkMemoryBytes, runtime);
    }

    public IReadOnlyList<LayerStats> Analyze(
        IAttentionSource tensor,
        AnalysisOptions options,
        IProgress<LayerProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        int n = tensor.SequenceLength;
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var device = Device.IsCuda ? torch.device(DeviceType.CUDA, Device.Index) : CPU;
        long budget = chunkMemoryBytes ?? ChunkPlan.DefaultBudget(Device.IsCuda, DeviceMemory.FreeBytes(Device));
        var plan = ChunkPlan.For(tensor.Heads, n, budget);
        var attention = new CausalAttention(tensor, options.SlopesFor(tensor), device, plan.HeadsPerBatch);
        var pairs = triu_indices(n, n, 1, device: device);

        return LayerLoop.Run(
            tensor.Layers,
            layer =>
            {
                // Each layer's tensors are freed before the next layer's are made.
                using var layerScope = NewDisposeScope();
                return PairwiseComparison.Compute(attention.Cumulative(layer), pairs, plan.PairsPerChunk, options, cancellation);
            },
            progress,
            cancellation);
    }
}
