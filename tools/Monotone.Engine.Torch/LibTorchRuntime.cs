using System.Runtime.InteropServices;
using Monotone.Core;
using TorchSharp;

namespace Monotone.Engine.Torch;

/// <summary>
/// Loads libtorch and TorchSharp's native half, once per process, in an order that works
/// whatever the machine's C++ runtime: libtorch from wherever <see cref="LibTorchLocation"/>
/// finds it, then libLibTorchSharp.so as shipped or, where this machine's libstdc++ lacks
/// GLIBCXX_3.4.32, the verified copy that LibTorchSharp.targets wrote. TorchSharp is then
/// pointed at that handle, so it never probes for the library itself.
/// </summary>
public static class LibTorchRuntime
{
    private const string LibTorchSharp = "LibTorchSharp";

    private static readonly Lazy<LoadedLibTorch> Loaded = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <exception cref="EngineUnavailableException">libtorch or LibTorchSharp did not load; the message says why in one line.</exception>
    public static LoadedLibTorch Ensure() => Loaded.Value;

    /// <summary>How many CUDA GPUs libtorch sees: 0 with the CPU build, without a GPU, or when libtorch does not load.</summary>
    public static int CudaDevices(out string why)
    {
        // The CPU package has no CUDA code, so --engine auto need not load its 600 MB to learn
        // that. A libtorch that MONOTONE_LIBTORCH names may be a CUDA build, so that one is asked.
        if (!LibTorchPackage.IsCuda && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(LibTorchLocation.Variable)))
        {
            why = $"this tool is built for the CPU build of libtorch, {LibTorchPackage.Id}; build with -p:MonotoneLibTorch=cuda-12.8 for GPUs";
            return 0;
        }

        try
        {
            Ensure();
            int count = torch.cuda.is_available() ? torch.cuda.device_count() : 0;
            why = count > 0 ? $"{count} CUDA device(s)" : "libtorch sees no CUDA device";
            return count;
        }
        catch (EngineUnavailableException e)
        {
            why = e.Message;
            return 0;
        }
    }

    private static LoadedLibTorch Load()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            throw new EngineUnavailableException($"the torch engine is built for Linux x64 (libtorch package {LibTorchPackage.Id}), not {RuntimeInformation.RuntimeIdentifier}");
        }

        var (folder, source) = LibTorchLocation.Find();

        // libtorch.so pulls in libtorch_cpu.so, libc10.so (and libtorch_cuda.so) through its
        // $ORIGIN run path; LibTorchSharp then finds them already loaded, by their sonames.
        LoadOrExplain(Path.Combine(folder, "libtorch.so"), $"libtorch from {folder}");
        var (handle, path, patched) = LoadLibTorchSharp();
        NativeLibrary.SetDllImportResolver(typeof(torch).Assembly, (name, _, _) => name == LibTorchSharp ? handle : IntPtr.Zero);
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ExternalException)
        {
            throw new EngineUnavailableException($"TorchSharp did not start on libtorch from {folder}: {FirstLine(e.Message)}", e);
        }

        return new LoadedLibTorch(folder, source, path, patched);
    }

    private static (IntPtr Handle, string Path, bool Patched) LoadLibTorchSharp()
    {
        string torchSharpFolder = Path.GetDirectoryName(typeof(torch).Assembly.Location)!;
        string original = new[]
        {
            Path.Combine(torchSharpFolder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(torchSharpFolder, "libLibTorchSharp.so"),
        }.FirstOrDefault(File.Exists) ?? throw new EngineUnavailableException($"libLibTorchSharp.so is not beside {typeof(torch).Assembly.GetName().Name}.dll in {torchSharpFolder}");

        try
        {
            return (NativeLibrary.Load(original), original, false);
        }
        catch (DllNotFoundException first)
        {
            string compat = Path.Combine(AppContext.BaseDirectory, LibTorchPackage.CompatLibTorchSharpPath);
            if (!File.Exists(compat))
            {
                throw new EngineUnavailableException($"libLibTorchSharp.so did not load ({Reason(first)}) and the build wrote no compatible copy", first);
            }

            return (LoadOrExplain(compat, "the GLIBCXX_3.4.30 copy of libLibTorchSharp.so"), compat, true);
        }
    }

    private static IntPtr LoadOrExplain(string path, string what)
    {
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (DllNotFoundException e)
        {
            throw new EngineUnavailableException($"{what} did not load ({Reason(e)})", e);
        }
        catch (BadImageFormatException e)
        {
            throw new EngineUnavailableException($"{what} is not a library for this machine ({path})", e);
        }
    }

    // .NET wraps the dynamic linker's message in advice; the linker's own last line says why.
    private static string Reason(Exception e) =>
        e.Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? e.GetType().Name;

    private static string FirstLine(string message) =>
        message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
}

/// <summary>The libtorch this process runs on, for the line that reports the engine.</summary>
/// <param name="Source">How the folder was found: MONOTONE_LIBTORCH, the app's folder or the NuGet cache.</param>
/// <param name="Patched">Whether the GLIBCXX_3.4.30 copy of libLibTorchSharp.so was needed.</param>
public sealed record LoadedLibTorch(string Folder, string Source, string LibTorchSharp, bool Patched)
{
    public override string ToString() =>
        $"libtorch {LibTorchPackage.Version} from {Source} ({Folder})"
        + (Patched ? "; libLibTorchSharp.so with its GLIBCXX_3.4.32 marker rewritten to GLIBCXX_3.4.30" : "");
}
