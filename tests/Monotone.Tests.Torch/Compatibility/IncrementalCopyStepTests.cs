using Monotone.Build.LibTorchSharp;
using Monotone.Tests.Support;

namespace Monotone.Tests.Torch.Compatibility;

/// <summary>
/// LibTorchSharp.targets' step is incremental whether or not it writes a copy: a second build
/// skips it, and a changed mode or a copy gone missing runs it again. Each case runs MSBuild
/// on a small project that imports the targets, with a TorchSharp folder of its own.
/// </summary>
public class IncrementalCopyStepTests
{
    private const string Step = "_MonotoneWriteCompatLibTorchSharp";

    [Fact]
    public void Where_no_copy_is_needed_a_second_build_skips_the_step()
    {
        // A library that already asks for GLIBCXX_3.4.30 needs no copy on any machine.
        byte[] shipped = ShippedLibrary.Bytes();
        using var project = new StepProject(GlibcxxMarkerPatch.Apply(shipped, GlibcxxMarkerPatch.Inspect(shipped)));

        string first = project.Build();
        string second = project.Build();

        Assert.Contains($"Building target \"{Step}\" completely", first, StringComparison.Ordinal);
        Assert.False(File.Exists(project.Copy));
        Assert.Contains($"Skipping target \"{Step}\" because all output files are up-to-date", second, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_a_copy_is_written_a_second_build_skips_the_step_until_the_copy_or_the_mode_changes()
    {
        using var project = new StepProject(ShippedLibrary.Bytes());

        string first = project.Build("always");
        byte[] copy = File.ReadAllBytes(project.Copy);
        string second = project.Build("always");
        File.Delete(project.Copy);
        string third = project.Build("always");
        string auto = project.Build("auto");

        Assert.Contains($"Building target \"{Step}\" completely", first, StringComparison.Ordinal);
        Assert.Contains($"Skipping target \"{Step}\" because all output files are up-to-date", second, StringComparison.Ordinal);
        Assert.Contains($"Building target \"{Step}\"", third, StringComparison.Ordinal);
        Assert.Equal(copy, File.ReadAllBytes(project.Copy));
        Assert.Contains($"Building target \"{Step}\"", auto, StringComparison.Ordinal);
    }

    private sealed class StepProject : IDisposable
    {
        private readonly TemporaryFolder folder = new();

        public StepProject(byte[] library)
        {
            string natives = Directory.CreateDirectory(folder.File(Path.Combine("torchsharp", "runtimes", "linux-x64", "native"))).FullName;
            File.WriteAllBytes(Path.Combine(natives, "libLibTorchSharp.so"), library);
            string targets = Path.Combine(RepositoryRoot.Path, "build", "Monotone.Build.LibTorchSharp", "LibTorchSharp.targets");
            File.WriteAllText(folder.File("step.proj"), $"""
                <Project>
                  <PropertyGroup>
                    <Configuration>{DotnetCli.Configuration}</Configuration>
                    <IntermediateOutputPath>obj/</IntermediateOutputPath>
                    <PkgTorchSharp>{folder.File("torchsharp")}</PkgTorchSharp>
                  </PropertyGroup>
                  <Import Project="{targets}" />
                  <Target Name="Build" DependsOnTargets="{Step}" />
                </Project>
                """);
        }

        public string Copy => folder.File(Path.Combine("obj", "glibcxx-3.4.30", "libLibTorchSharp.so"));

        public string Build(string mode = "auto")
        {
            var (code, log) = DotnetCli.Run(folder.Path, null,
                "msbuild", folder.File("step.proj"), "-t:Build", "-v:d", "-nologo", "-nodeReuse:false", $"-p:MonotonePatchLibTorchSharp={mode}");
            Assert.True(code == 0, log);
            return log;
        }

        public void Dispose() => folder.Dispose();
    }
}
