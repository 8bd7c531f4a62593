using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Build;

/// <summary>
/// The packages as users get them: the tool installed from the packed package and run in
/// another folder, and a study repository that is not this one running the pipeline through the
/// Monotone.Build package and its tool manifest. One pack serves every test (PackedPackages).
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class StudyRepositoryTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    [Fact]
    public void The_packed_tool_installs_into_a_tool_path_and_runs_in_another_folder()
    {
        using var tools = new TemporaryFolder();
        using var elsewhere = new SampleStudy();
        packages.WriteNuGetConfig(tools.Path);

        var install = DotnetCli.Run(tools.Path, packages.Environment,
            "tool", "install", "Monotone.Tool", "--tool-path", tools.File("bin"), "--version", packages.Version);
        var run = DotnetCli.Program(tools.File("bin/dotnet-monotone"), elsewhere.Folder, packages.Environment, "run", "--manifest", "experiments.yaml");
        var version = DotnetCli.Program(tools.File("bin/dotnet-monotone"), elsewhere.Folder, packages.Environment, "--version");

        Assert.True(install.ExitCode == 0, install.Log);
        Assert.True(run.ExitCode == 0, run.Log);
        Assert.Contains("alpha/16: done in", run.Log, StringComparison.Ordinal);
        Assert.Equal(3, ResultJson.Read(elsewhere.Result("alpha", 16)).Layers.Count);
        Assert.True(version.ExitCode == 0, version.Log);
        // The version `dotnet tool list` shows (one per commit), not the base version results record.
        Assert.EndsWith($"\n{packages.Version}\n", version.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void A_study_repository_builds_with_the_package_reruns_nothing_and_analyses_only_an_added_model()
    {
        using var study = new SampleStudy();
        string root = study.Folder;
        packages.WriteNuGetConfig(root);
        Directory.CreateDirectory(Path.Combine(root, "paper"));
        File.WriteAllText(Path.Combine(root, "Study.slnx"), "<Solution>\n  <Project Path=\"paper/Paper.csproj\" />\n</Solution>\n");
        File.WriteAllText(Path.Combine(root, "paper", "Paper.csproj"), $"""
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Monotone.Build" Version="{packages.Version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        // Before the tool is installed: the build says so, with the fix, in one error (MONO1014).
        var notInstalled = DotnetCli.Run(root, packages.Environment, ["build", .. DotnetCli.BuildOptions]);
        var manifest = DotnetCli.Run(root, packages.Environment, "new", "tool-manifest");
        var install = DotnetCli.Run(root, packages.Environment, "tool", "install", "Monotone.Tool", "--version", packages.Version);

        var first = DotnetCli.Run(root, packages.Environment, ["build", .. DotnetCli.BuildOptions]);
        var written = File.GetLastWriteTimeUtc(study.Result("alpha", 16));
        var outputs = OutputFiles.Take(root);
        var second = DotnetCli.Run(root, packages.Environment, ["build", .. DotnetCli.BuildOptions]);
        var afterSecond = OutputFiles.Take(root);
        study.WriteManifest(SampleStudy.Tiny + "\n  - id: org/gamma\n    label: gamma\n    layers: 1\n    heads: 2\n");
        var third = DotnetCli.Run(root, packages.Environment, ["build", .. DotnetCli.BuildOptions]);

        Assert.True(notInstalled.ExitCode == 1, notInstalled.Log);
        Assert.Contains("error MONO1014: the dotnet-monotone tool is not installed for this repository", notInstalled.Log, StringComparison.Ordinal);
        Assert.Contains($"'dotnet tool install Monotone.Tool --version {packages.Version}'", notInstalled.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("MSB6006", notInstalled.Log, StringComparison.Ordinal);
        Assert.True(manifest.ExitCode == 0, manifest.Log);
        Assert.True(install.ExitCode == 0, install.Log);
        Assert.True(first.ExitCode == 0, first.Log);
        Assert.Contains("tool run dotnet-monotone repro", first.Log, StringComparison.Ordinal);
        Assert.Contains("alpha/16: analysing", first.Log, StringComparison.Ordinal);
        Assert.Contains("beta/16: done in", first.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(": layer ", first.Log, StringComparison.Ordinal);
        Assert.Equal(3, ResultJson.Read(study.Result("alpha", 16)).Layers.Count);
        Assert.True(File.Exists(Path.Combine(root, "paper", "figures", "violation_rate.pdf")), first.Log);
        Assert.True(File.Exists(Path.Combine(root, "paper", "appendix.pdf")), first.Log);

        PipelineLog.RanNothing(second, "tool run dotnet-monotone", outputs, afterSecond);
        Assert.Equal(written, File.GetLastWriteTimeUtc(study.Result("alpha", 16)));

        PipelineLog.AnalysedOnlyGamma(third);
        Assert.Equal(written, File.GetLastWriteTimeUtc(study.Result("alpha", 16)));
    }
}
