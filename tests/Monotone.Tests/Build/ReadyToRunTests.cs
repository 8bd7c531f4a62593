using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Monotone.Tests.Support;

namespace Monotone.Tests.Build;

/// <summary>
/// A build's output folder runs the tool's dependencies precompiled (ReadyToRun) for this machine,
/// with the tool's own assembly and every MVID unchanged (the paper stages' code identity), while
/// the tool package stays portable IL (docs/building.md, "Start-up").
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class ReadyToRunTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    private static readonly string[] Precompiled = ["Monotone.Engine.dll", "Monotone.TensorInput.dll", "Monotone.Figures.dll", "System.CommandLine.dll"];

    [Fact]
    public void A_build_precompiles_the_dependencies_in_its_output_and_keeps_the_tools_assembly_and_every_mvid()
    {
        using var output = new TemporaryFolder();
        string tool = Path.Combine(RepositoryRoot.Path, "tools", "Monotone.Tool");

        var build = DotnetCli.Run(RepositoryRoot.Path, null, ["build", tool, "-c", "Release", "-o", output.File("build"), .. DotnetCli.BuildOptions]);
        var plain = DotnetCli.Run(RepositoryRoot.Path, null,
            ["build", tool, "-c", "Release", "-o", output.File("plain"), "-p:MonotoneReadyToRun=false", .. DotnetCli.BuildOptions]);
        var help = DotnetCli.Program(output.File("build/dotnet-monotone"), output.Path, null, "--help");

        Assert.True(build.ExitCode == 0, build.Log);
        Assert.True(plain.ExitCode == 0, plain.Log);
        Assert.True(help.ExitCode == 0, help.Log);
        Assert.All(Precompiled, name => Assert.True(IsReadyToRun(File.OpenRead(output.File($"build/{name}"))), name));
        Assert.False(IsReadyToRun(File.OpenRead(output.File("build/dotnet-monotone.dll"))));
        Assert.All(Directory.GetFiles(output.File("plain"), "*.dll"), path => Assert.False(IsReadyToRun(File.OpenRead(path)), path));
        Assert.All(Directory.GetFiles(output.File("plain"), "*.dll"), path =>
            Assert.Equal(MvidOf(File.OpenRead(path)), MvidOf(File.OpenRead(Path.Combine(output.File("build"), Path.GetFileName(path))))));
    }

    [Fact]
    public void The_tool_package_holds_only_portable_il()
    {
        using var package = ZipFile.OpenRead(Directory.GetFiles(packages.Feed, "Monotone.Tool.*.nupkg").Single());
        var assemblies = package.Entries.Where(e => e.FullName.StartsWith("tools/", StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal)).ToList();

        Assert.Contains(assemblies, e => e.Name == "Monotone.Engine.dll");
        Assert.All(assemblies, entry => Assert.False(IsReadyToRun(Copy(entry)), entry.FullName));
    }

    // A ReadyToRun image carries a managed native header beside its IL; an IL-only assembly has none.
    private static bool IsReadyToRun(Stream assembly)
    {
        using var reader = new PEReader(assembly);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    private static Guid MvidOf(Stream assembly)
    {
        using var reader = new PEReader(assembly);
        var metadata = reader.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }

    private static MemoryStream Copy(ZipArchiveEntry entry)
    {
        var copy = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(copy);
        }

        copy.Position = 0;
        return copy;
    }
}
