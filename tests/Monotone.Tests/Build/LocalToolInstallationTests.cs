using System.Reflection;
using Monotone.Build;
using Monotone.Core;
using Monotone.Tests.Support;

namespace Monotone.Tests.Build;

/// <summary>
/// Why a study repository's `dotnet tool run dotnet-monotone` failed, as the build's MONO1014 says
/// it (RunMonotone): each missing step named with the command that fixes it, and nothing said
/// when the manifest names a restored tool (the failure was then the tool's own).
/// </summary>
public sealed class LocalToolInstallationTests
{
    [Fact]
    public void No_tool_manifest_asks_for_the_manifest_and_the_install()
    {
        using var folder = new TemporaryFolder();

        string? problem = LocalToolInstallation.Problem("", folder.Path);
        string? missingFile = LocalToolInstallation.Problem(folder.File("dotnet-tools.json"), folder.Path);

        Assert.Equal("the dotnet-monotone tool is not installed for this repository (no tool manifest above the project): run 'dotnet new tool-manifest' (where there is none) and 'dotnet tool install Monotone.Tool --version " + LocalToolInstallation.Version + "'", problem);
        Assert.Equal(problem, missingFile);
    }

    [Fact]
    public void The_install_command_names_the_package_version_the_tool_was_built_as_not_the_recorded_base_version()
    {
        var tool = typeof(Monotone.Tool.MonotoneCli).Assembly;
        string informational = tool.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;

        Assert.Equal(PackageVersion.Of(tool), LocalToolInstallation.Version);
        Assert.NotEqual(informational, LocalToolInstallation.Version);
    }

    [Fact]
    public void A_manifest_without_the_tool_asks_for_the_install()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("dotnet-tools.json"), """{ "version": 1, "isRoot": true, "tools": { "other.tool": { "version": "1.0.0", "commands": [ "other" ] } } }""");

        string? problem = LocalToolInstallation.Problem(folder.File("dotnet-tools.json"), folder.Path);

        Assert.Equal("the dotnet-monotone tool is not installed for this repository (the tool manifest names no Monotone.Tool): run 'dotnet new tool-manifest' (where there is none) and 'dotnet tool install Monotone.Tool --version " + LocalToolInstallation.Version + "'", problem);
    }

    [Fact]
    public void A_named_version_that_is_not_in_the_packages_folder_asks_for_a_restore_and_a_restored_one_for_nothing()
    {
        using var folder = new TemporaryFolder();
        string manifest = folder.File("dotnet-tools.json");
        string packages = folder.File("packages");
        File.WriteAllText(manifest, """{ "version": 1, "isRoot": true, "tools": { "monotone.tool": { "version": "0.1.5-gABC", "commands": [ "dotnet-monotone" ] } } }""");

        string? notRestored = LocalToolInstallation.Problem(manifest, packages);
        Directory.CreateDirectory(Path.Combine(packages, "monotone.tool", "0.1.5-gabc"));
        string? restored = LocalToolInstallation.Problem(manifest, packages);

        Assert.Equal("the dotnet-monotone tool (0.1.5-gABC, which the tool manifest names) is not restored on this machine: run 'dotnet tool restore'", notRestored);
        Assert.Null(restored);
    }

    [Fact]
    public void An_unreadable_manifest_is_left_to_dotnets_own_message()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("dotnet-tools.json"), "{ not json");

        Assert.Null(LocalToolInstallation.Problem(folder.File("dotnet-tools.json"), folder.Path));
    }
}
