using System.Reflection;
using Monotone.Engine.Torch;

namespace Monotone.Tests.Torch.Support;

/// <summary>
/// A fact about the CPU build of libtorch, which these tests are normally built with; skipped,
/// with the reason, where the build chose the CUDA package (Monotone.LibTorchPackage).
/// </summary>
public sealed class CpuLibTorchFactAttribute : FactAttribute
{
    /// <summary>The libtorch package the torch engine was built against, as the build recorded it.</summary>
    public static string Package { get; } = typeof(TorchEngine).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "Monotone.LibTorchPackage").Value!;

    public CpuLibTorchFactAttribute()
    {
        if (Package.Contains("cuda", StringComparison.Ordinal))
        {
            Skip = $"the CUDA build of libtorch is installed ({Package}); this fact is about the CPU build";
        }
    }
}
