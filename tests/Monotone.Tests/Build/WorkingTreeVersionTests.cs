using System.Text.RegularExpressions;
using Monotone.Tests.Support;
using static Monotone.Tests.Build.SampleRepositoryGit;

namespace Monotone.Tests.Build;

/// <summary>
/// The packaging rules of Directory.Build.props and Directory.Build.targets, in a small git
/// repository of their own with one packable project under tools/: an uncommitted edit of the
/// package's inputs gives a version of its own (`dirty-` and a hash of the content), a clean tree
/// NB.GV's; with an artifacts path the package goes there, and the build's own package folder
/// keeps one package per id while a folder given with `-o` keeps every one.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed partial class WorkingTreeVersionTests
{
    [Fact]
    public void Each_uncommitted_content_of_the_inputs_packs_its_own_version_and_a_clean_tree_packs_the_commits()
    {
        using var folder = new TemporaryFolder();
        using var git = CreateRepository(folder, generatePackageOnBuild: false);
        string repository = git.Path;
        string source = Path.Combine(repository, "tools", "Sample", "Sample.cs");
        string original = File.ReadAllText(source);

        string clean = Pack(repository, folder.File("clean"));
        File.WriteAllText(source, original + "// first edit\n");
        string first = Pack(repository, folder.File("first"));
        File.WriteAllText(source, original + "// second edit\n");
        string second = Pack(repository, folder.File("second"));
        File.WriteAllText(source, original + "// first edit\n");
        string firstAgain = Pack(repository, folder.File("first-again"));
        // An untracked file that is no input (not under MonotoneVersionInputs) and the edit undone: clean again.
        File.WriteAllText(source, original);
        File.WriteAllText(Path.Combine(repository, "notes.txt"), "not an input\n");
        string undone = Pack(repository, folder.File("undone"));

        string commit = git.Git("rev-parse", "--short=10", "HEAD");
        Assert.Matches(CommitVersion(), clean);
        Assert.EndsWith("-g" + commit, clean, StringComparison.Ordinal);
        Assert.Matches(DirtyVersion(), first);
        Assert.StartsWith(clean + ".dirty-", first, StringComparison.Ordinal);
        Assert.StartsWith(clean + ".dirty-", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(first, firstAgain);
        Assert.Equal(clean, undone);
    }

    [Fact]
    public void An_artifacts_path_receives_the_package_and_the_builds_own_folder_keeps_only_the_newest()
    {
        using var folder = new TemporaryFolder();
        using var git = CreateRepository(folder, generatePackageOnBuild: true);
        string repository = git.Path;
        string clonePackages = Path.Combine(repository, "artifacts", "packages");
        string artifacts = folder.File("artifacts");

        Build(repository, "--artifacts-path", artifacts);
        Assert.Single(Directory.GetFiles(Path.Combine(artifacts, "package", "debug"), "Sample.*.nupkg"));
        Assert.False(Directory.Exists(clonePackages), "a build with an artifacts path wrote into the clone's artifacts/packages");

        Build(repository);
        string firstPackage = Assert.Single(Directory.GetFiles(clonePackages, "Sample.*.nupkg"));
        // Another package id that merely starts with this one's is not this package's older version.
        string otherId = Path.Combine(clonePackages, "Sample.Extra.1.0.0.nupkg");
        File.WriteAllText(otherId, "another package");
        git.Git("commit", "-q", "--allow-empty", "-m", "second");
        Build(repository);
        string secondPackage = Assert.Single(Directory.GetFiles(clonePackages, "Sample.0*.nupkg"));
        Assert.NotEqual(firstPackage, secondPackage);
        Assert.True(File.Exists(otherId), "the pruning removed another package id");

        // A folder the user names is a feed of theirs: every version stays.
        string feed = folder.File("feed");
        Build(repository, "-p:PackageOutputPath=" + feed + "/");
        git.Git("commit", "-q", "--allow-empty", "-m", "third");
        Build(repository, "-p:PackageOutputPath=" + feed + "/");
        Assert.Equal(2, Directory.GetFiles(feed, "Sample.*.nupkg").Length);
    }

    private static GitRepository CreateRepository(TemporaryFolder folder, bool generatePackageOnBuild)
    {
        string repository = folder.File("repository");
        string project = Path.Combine(repository, "tools", "Sample");
        Directory.CreateDirectory(project);
        foreach (string file in new[] { "version.json", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Path.Combine(RepositoryRoot.Path, file), Path.Combine(repository, file));
        }

        WriteCacheOnlyNuGetConfig(repository);
        File.WriteAllText(Path.Combine(repository, ".gitignore"), "bin/\nobj/\nartifacts/\n");
        File.WriteAllText(Path.Combine(project, "Sample.csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <IsPackable>true</IsPackable>\n"
            + $"    <GeneratePackageOnBuild>{(generatePackageOnBuild ? "true" : "false")}</GeneratePackageOnBuild>\n"
            + "  </PropertyGroup>\n</Project>\n");
        File.WriteAllText(Path.Combine(project, "Sample.cs"), "namespace Sample;\n\npublic static class Empty;\n");
        var git = new GitRepository(repository);
        git.CommitAll();
        return git;
    }

    /// <summary>`dotnet pack` into <paramref name="feed"/>; returns the version of the one package written.</summary>
    private static string Pack(string repository, string feed)
    {
        var (code, log) = DotnetCli.Run(repository, null, ["pack", "tools/Sample", "-o", feed, .. DotnetCli.BuildOptions]);
        Assert.True(code == 0, log);
        string package = Path.GetFileName(Directory.GetFiles(feed, "Sample.*.nupkg").Single());
        return PackageVersion().Match(package).Groups[1].Value;
    }

    private static void Build(string repository, params string[] options)
    {
        var (code, log) = DotnetCli.Run(repository, null, ["build", "tools/Sample", .. options, .. DotnetCli.BuildOptions]);
        Assert.True(code == 0, log);
    }

    [GeneratedRegex(@"^0\.1\.\d+-g[0-9a-f]{10}$")]
    private static partial Regex CommitVersion();

    [GeneratedRegex(@"^0\.1\.\d+-g[0-9a-f]{10}\.dirty-[0-9a-f]{10}$")]
    private static partial Regex DirtyVersion();
}
