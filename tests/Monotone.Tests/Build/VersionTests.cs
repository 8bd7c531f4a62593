using System.Diagnostics;
using Monotone.Tests.Support;
using static Monotone.Tests.Build.SampleRepositoryGit;

namespace Monotone.Tests.Build;

/// <summary>
/// Nerdbank.GitVersioning as this repository configures it (version.json, Directory.Build.*),
/// in a small git repository of its own: every commit packs a new version, the informational
/// version that result files record stays the base version, and a shallow clone still builds.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed class VersionTests
{
    [Fact]
    public void A_second_commit_packs_a_second_version_with_the_same_recorded_version_and_a_shallow_clone_builds()
    {
        using var folder = new TemporaryFolder();
        string repository = folder.File("repository");
        Directory.CreateDirectory(repository);
        foreach (string file in new[] { "version.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Path.Combine(RepositoryRoot.Path, file), Path.Combine(repository, file));
        }

        WriteCacheOnlyNuGetConfig(repository);
        File.WriteAllText(Path.Combine(repository, "Sample.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><IsPackable>true</IsPackable></PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(repository, "Sample.cs"), "namespace Sample;\n\npublic static class Empty;\n");
        using var git = new GitRepository(repository);
        git.CommitAll();

        var first = Pack(repository, folder.File("first"));
        git.Git("commit", "-q", "--allow-empty", "-m", "second");
        var second = Pack(repository, folder.File("second"));
        git.Git("clone", "-q", "--depth", "1", $"file://{repository}", folder.File("shallow"));
        WriteCacheOnlyNuGetConfig(folder.File("shallow"));
        var shallow = Pack(folder.File("shallow"), folder.File("third"));

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal("0.1.0", first.Recorded);
        Assert.Equal("0.1.0", second.Recorded);
        Assert.Equal("0.1.0", shallow.Recorded);
    }

    private static (string Version, string Recorded) Pack(string repository, string feed)
    {
        var (code, log) = DotnetCli.Run(repository, null, ["pack", "-o", feed, .. DotnetCli.BuildOptions]);
        Assert.True(code == 0, log);
        string package = Path.GetFileName(Directory.GetFiles(feed, "Sample.*.nupkg").Single());
        string dll = Directory.GetFiles(Path.Combine(repository, "bin"), "Sample.dll", SearchOption.AllDirectories).Single();
        return (PackageVersion().Match(package).Groups[1].Value, FileVersionInfo.GetVersionInfo(dll).ProductVersion!);
    }
}
