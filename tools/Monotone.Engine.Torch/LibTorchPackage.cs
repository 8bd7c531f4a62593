using System.Reflection;

namespace Monotone.Engine.Torch;

/// <summary>
/// What this build of the engine was compiled for, from its assembly metadata (set by the
/// project file from Directory.Packages.props and LibTorchSharp.targets), so the versions
/// are written down once.
/// </summary>
internal static class LibTorchPackage
{
    /// <summary>The NuGet package id, e.g. libtorch-cpu-linux-x64.</summary>
    public static string Id { get; } = Metadata("Monotone.LibTorchPackage");

    /// <summary>The libtorch version TorchSharp was built against, e.g. 2.10.0.</summary>
    public static string Version { get; } = Metadata("Monotone.LibTorchVersion");

    /// <summary>The compatible copy of libLibTorchSharp.so, relative to the app's folder.</summary>
    public static string CompatLibTorchSharpPath { get; } = Metadata("Monotone.CompatLibTorchSharpPath");

    public static bool IsCuda => Id.Contains("cuda", StringComparison.Ordinal);

    private static string Metadata(string key) =>
        typeof(LibTorchPackage).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
}
