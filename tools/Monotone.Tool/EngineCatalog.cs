using System.Runtime.CompilerServices;
using Monotone.Core;
using Monotone.Engine;
using Monotone.Engine.Torch;

namespace Monotone.Tool;

/// <summary>
/// The engines a user can choose by name. It lives in the tool, the one place
/// that references every engine project.
/// </summary>
internal static class EngineCatalog
{
    /// <summary>The fast engine: it equals the reference on every notebook fixture and on random inputs.</summary>
    public const EngineKind Default = EngineKind.Fast;

    /// <summary>
    /// The managed engine: what "auto" runs without a GPU, and what a user is sent to when
    /// the torch engine cannot run.
    /// </summary>
    public const EngineKind Managed = EngineKind.Fast;

    /// <summary>--device's default: a GPU when libtorch sees one, otherwise the CPU.</summary>
    public const string AutomaticDevice = "auto";

    /// <summary>Whether <paramref name="device"/> is cpu, cuda or cuda:N.</summary>
    /// <remarks>
    /// The command line's checks call these two rather than <see cref="TorchDevice"/> itself, and
    /// only for a device given on the command line: a method that names a type of
    /// Monotone.Engine.Torch loads that assembly when it is compiled, and `analyze` with the fast
    /// engine should load none of the torch engine (AnalyzeLoadTests). Never inlined, for the same reason.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool IsTorchDevice(string device) => TorchDevice.TryParse(device, out _);

    /// <summary>Whether <paramref name="device"/> is cpu (not a GPU).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool IsCpuDevice(string device) => TorchDevice.TryParse(device, out var parsed) && !parsed.IsCuda;

    /// <summary>Opens the engine asked for on this machine, and says in a line what was chosen (null for a managed engine asked for by name).</summary>
    /// <param name="device">"auto", "cpu", "cuda" or "cuda:N".</param>
    /// <param name="threads">How many layers the fast engine analyses at once; 0 for one per processor.</param>
    /// <exception cref="EngineUnavailableException">The torch engine was asked for and cannot run here.</exception>
    public static (IMonotonicityEngine Engine, string? Choice) Open(EngineKind kind, string device, long? chunkMemoryBytes, int threads = 0) => kind switch
    {
        EngineKind.Torch => OpenTorch(device, chunkMemoryBytes),
        EngineKind.Auto => OpenAuto(device, chunkMemoryBytes, threads),
        _ => (CreateManaged(kind, threads), null),
    };

    private static IMonotonicityEngine CreateManaged(EngineKind kind, int threads) => kind switch
    {
        EngineKind.Fast => new FastEngine(threads),
        EngineKind.Reference => new ReferenceEngine(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a managed engine"),
    };

    private static (IMonotonicityEngine, string?) OpenTorch(string device, long? chunkMemoryBytes)
    {
        string why = "";
        var chosen = device == AutomaticDevice ? TorchDevice.Cpu : Parse(device);
        if (device == AutomaticDevice)
        {
            int gpus = LibTorchRuntime.CudaDevices(out string reason);
            why = $" (--device auto: {reason})";
            chosen = gpus > 0 ? TorchDevice.Cuda() : TorchDevice.Cpu;
        }

        var torch = TorchEngine.Open(chosen, chunkMemoryBytes);
        return (torch, $"engine {torch.Name}{why}, {torch.Runtime}");
    }

    // auto: torch where there is a GPU, the managed engine everywhere else.
    private static (IMonotonicityEngine, string?) OpenAuto(string device, long? chunkMemoryBytes, int threads)
    {
        var cuda = device == AutomaticDevice ? TorchDevice.Cuda() : Parse(device);
        int gpus = LibTorchRuntime.CudaDevices(out string reason);
        if (cuda.IsCuda && gpus > cuda.Index)
        {
            var torch = TorchEngine.Open(cuda, chunkMemoryBytes);
            return (torch, $"engine auto chose {torch.Name} ({reason}), {torch.Runtime}");
        }

        return (CreateManaged(Managed, threads), $"engine auto chose {Managed.Name()}: no CUDA device for the torch engine ({reason})");
    }

    private static TorchDevice Parse(string device) =>
        TorchDevice.TryParse(device, out var parsed) ? parsed : throw new ArgumentException($"unknown device '{device}'", nameof(device));
}
