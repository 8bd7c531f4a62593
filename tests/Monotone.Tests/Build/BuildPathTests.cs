using Monotone.Pipeline;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Build;

/// <summary>
/// The usual ways .NET users build and ship, on this checkout: a Release build with an artifacts
/// path, a build into a folder of one's own (-o), and `dotnet publish`. Each used to fail on
/// hand-written bin/$(Configuration)/net10.0 paths; the outputs go to temporary folders.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class BuildPathTests
{
    [Fact]
    public void A_release_build_with_an_artifacts_path_runs_the_pipeline_on_a_manifest_relative_to_the_start_folder()
    {
        using var study = new SampleStudy();
        using var artifacts = new TemporaryFolder();
        string paper = Path.Combine(RepositoryRoot.Path, "paper", "Monotone.Paper.csproj");

        var (code, log) = DotnetCli.Run(study.Folder, null,
            ["build", paper, "-c", "Release", "--artifacts-path", artifacts.Path, "-p:MonotoneManifest=experiments.yaml",
             $"-flp:verbosity=detailed;logfile={artifacts.File("detailed.log")}", .. DotnetCli.BuildOptions]);

        Assert.True(code == 0, log);
        Assert.Contains(Path.Combine(artifacts.Path, "bin", "Monotone.Tool", "release", "dotnet-monotone.dll"), log, StringComparison.Ordinal);
        Assert.Contains("alpha/16: analysing", log, StringComparison.Ordinal);
        Assert.Contains("alpha/16: done in", log, StringComparison.Ordinal);
        Assert.DoesNotContain(": layer ", log, StringComparison.Ordinal);
        Assert.Contains("alpha/16: layer 3/3", File.ReadAllText(artifacts.File("detailed.log")), StringComparison.Ordinal);
        Assert.Equal(3, ResultJson.Read(study.Result("alpha", 16)).Layers.Count);
        Assert.True(File.Exists(Path.Combine(study.Folder, "paper", "appendix.pdf")), log);
        // The same sources as the Debug build beside this test: the paper's drawing code is the same,
        // so switching configuration or output path redraws nothing (the regex generator's type names
        // and all IL differ between the two builds).
        Assert.Equal(CodeIdentity.Of(AppContext.BaseDirectory), CodeIdentity.Of(Path.Combine(artifacts.Path, "bin", "Monotone.Tool", "release")));
    }

    [Fact]
    public void The_tool_builds_into_a_folder_of_ones_own_and_publishes_into_another_that_runs_the_torch_engine_or_says_why_not()
    {
        using var output = new TemporaryFolder();
        string tool = Path.Combine(RepositoryRoot.Path, "tools", "Monotone.Tool");
        string fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "f32_basic.pt");

        var build = DotnetCli.Run(RepositoryRoot.Path, null, ["build", tool, "-c", "Release", "-o", output.File("build"), .. DotnetCli.BuildOptions]);
        var help = DotnetCli.Program(output.File("build/dotnet-monotone"), output.Path, null, "--help");
        var publish = DotnetCli.Run(RepositoryRoot.Path, null, ["publish", tool, "-o", output.File("publish"), .. DotnetCli.BuildOptions]);
        var torch = DotnetCli.Program(output.File("publish/dotnet-monotone"), output.Path, null,
            "analyze", fixture, "--engine", "torch", "--device", "cpu", "-o", output.File("torch.json"));

        Assert.True(build.ExitCode == 0, build.Log);
        Assert.True(help.ExitCode == 0, help.Log);
        Assert.True(publish.ExitCode == 0, publish.Log);
        Assert.Equal(CodeIdentity.Of(AppContext.BaseDirectory), CodeIdentity.Of(output.File("build")));
        Assert.Equal(CodeIdentity.Of(AppContext.BaseDirectory), CodeIdentity.Of(output.File("publish")));
        if (torch.ExitCode == 0)
        {
            Assert.Equal("torch:cpu", ResultJson.Read(output.File("torch.json")).Tool.Engine);
        }
        else
        {
            // No usable libtorch here: said in one line, with an exit code for the environment, not a crash.
            Assert.True(torch.ExitCode is 2 or 3, torch.Log);
            Assert.Contains("libtorch", torch.Log, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", torch.Log, StringComparison.Ordinal);
        }
    }
}
