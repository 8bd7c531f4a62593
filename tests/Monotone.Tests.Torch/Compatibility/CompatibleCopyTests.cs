using Monotone.Build.LibTorchSharp;
using Monotone.Engine.Torch;

namespace Monotone.Tests.Torch.Compatibility;

/// <summary>What the build step leaves in an app's output, and what the engine then loads.</summary>
public class CompatibleCopyTests
{
    private static readonly string Copy = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "glibcxx-3.4.30", "libLibTorchSharp.so");

    private static bool RuntimeIsOld => !CxxRuntime.Defines(CxxRuntime.LoadedPath()!, GlibcxxMarkerPatch.Required);

    [Fact]
    public void The_build_writes_the_copy_only_where_the_C_plus_plus_runtime_lacks_GLIBCXX_3_4_32()
    {
        Assert.Equal(RuntimeIsOld, File.Exists(Copy));
        if (RuntimeIsOld)
        {
            Assert.Equal(PatchKind.NotNeeded, GlibcxxMarkerPatch.Inspect(File.ReadAllBytes(Copy)).Kind);
            Assert.Equal(PatchKind.Patch, GlibcxxMarkerPatch.Inspect(ShippedLibrary.Bytes()).Kind);
        }
    }

    [Fact]
    public void The_engine_loads_the_copy_exactly_where_the_shipped_library_cannot_load()
    {
        var runtime = TorchEngine.Open(TorchDevice.Cpu).Runtime;

        Assert.Equal(RuntimeIsOld, runtime.Patched);
        Assert.Equal(RuntimeIsOld ? Copy : ShippedLibrary.Path, runtime.LibTorchSharp);
    }
}
