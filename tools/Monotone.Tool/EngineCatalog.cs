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
    public const string Default = "fast";

    /// <summary>
    /// The managed engine: what "auto" runs without a GPU, and what a user is sent to when
    /// the torch engine cannot run.
    /// </summary>
    public const string Managed = "fast";

    /// <summary>--device's default: a GPU when libtorch sees one, otherwise the CPU.</summary>
    public const string AutomaticDevice = "auto";

    public static IReadOnlyList<string> Names { get; } = ["fast", "reference", "torch", "auto"];

    /// <summary>Whether the engine runs on TorchSharp, so --device and --chunk-memory apply.</summary>
    public static bool UsesDevice(string name) => name is "torch" or "auto";

    /// <summary>Opens the engine asked for on this machine, and says in a line what was chosen (null for a managed engine asked for by name).</summary>
    /// <param name="device">"auto", "cpu", "cuda" or "cuda:N".</param>
    /// <param name="jobs">How many layers the fast engine analyses at once; 0 for one per processor.</param>
    /// <exception cref="EngineUnavailableException">The torch engine was asked for and cannot run here.</exception>
    public static (IMonotonicityEngine Engine, string? Choice) Open(string name, string device, long? chunkMemoryBytes, int jobs = 0) => name switch
    {
        "torch" => OpenTorch(device, chunkMemoryBytes),
        "auto" => OpenAuto(device, chunkMemoryBytes, jobs),
        _ => (CreateManaged(name, jobs), null),
    };

    private static IMonotonicityEngine CreateManaged(string name, int jobs) => name switch
    {
        "fast" => new FastEngine(jobs),
        "reference" => new ReferenceEngine(),
        _ => throw new ArgumentException($"unknown engine '{name}' (choose {string.Join(", ", Names)})", nameof(name)),
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
    private static (IMonotonicityEngine, string?) OpenAuto(string device, long? chunkMemoryBytes, int jobs)
    {
        var cuda = device == AutomaticDevice ? TorchDevice.Cuda() : Parse(device);
        int gpus = LibTorchRuntime.CudaDevices(out string reason);
        if (cuda.IsCuda && gpus > cuda.Index)
        {
            var torch = TorchEngine.Open(cuda, chunkMemoryBytes);
            return (torch, $"engine auto chose {torch.Name} ({reason}), {torch.Runtime}");
        }

        return (CreateManaged(Managed, jobs), $"engine auto chose {Managed}: no CUDA device for the torch engine ({reason})");
    }

    private static TorchDevice Parse(string device) =>
        TorchDevice.TryParse(device, out var parsed) ? parsed : throw new ArgumentException($"unknown device '{device}'", nameof(device));
}
