using System.Text.RegularExpressions;
using Monotone.Tests.Support;

namespace Monotone.Tests.Build;

/// <summary>
/// The Monotone.Build and Monotone.Tool packages of this checkout, packed once for every
/// packaging test (`dotnet pack --no-build` of the outputs the test run was built from) into a
/// local feed, with a NuGet packages folder and a CLI home of their own: a package of the same
/// version left in the user's cache by an earlier run can never stand in for this one, and the
/// tools these tests install never enter the user's local-tool resolver cache
/// (~/.dotnet/toolResolverCache), where their deleted paths would shadow the user's own restore.
/// </summary>
public sealed partial class PackedPackages : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public PackedPackages()
    {
        Directory.CreateDirectory(Feed);
        Directory.CreateDirectory(PackagesFolder);
        Directory.CreateDirectory(CliHome);
        foreach (string project in new[] { "build/Monotone.Build/Monotone.Build.csproj", "tools/Monotone.Tool/Monotone.Tool.csproj" })
        {
            var (code, log) = DotnetCli.Run(RepositoryRoot.Path, null,
                "pack", project, "--no-build", "-c", DotnetCli.Configuration, "-o", Feed, "-nologo");
            if (code != 0)
            {
                throw new InvalidOperationException($"packing {project} failed:\n{log}");
            }
        }

        string tool = Directory.GetFiles(Feed, "Monotone.Tool.*.nupkg").Single();
        Version = PackageVersion().Match(Path.GetFileName(tool)).Groups[1].Value;
    }

    /// <summary>The local feed: a folder holding Monotone.Build.VERSION.nupkg and Monotone.Tool.VERSION.nupkg.</summary>
    public string Feed => folder.File("feed");

    /// <summary>NUGET_PACKAGES for every consumer of the feed.</summary>
    public string PackagesFolder => folder.File("packages");

    /// <summary>DOTNET_CLI_HOME for every consumer of the feed.</summary>
    public string CliHome => folder.File("cli-home");

    /// <summary>The packages' version, from Nerdbank.GitVersioning (one per commit).</summary>
    public string Version { get; }

    /// <summary>The environment for a `dotnet` process that consumes the feed.</summary>
    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackagesFolder,
        ["DOTNET_CLI_HOME"] = CliHome,
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    /// <summary>
    /// Writes a nuget.config into <paramref name="repository"/> with the feed for Monotone.* and,
    /// for everything else, the user's NuGet cache read as a local feed (so no test needs the network).
    /// </summary>
    public void WriteNuGetConfig(string repository)
    {
        string cache = System.Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(repository, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="monotone" value="{Feed}" />
                <add key="cache" value="{cache}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="monotone"><package pattern="Monotone.*" /></packageSource>
                <packageSource key="cache"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }

    public void Dispose() => folder.Dispose();

    [GeneratedRegex(@"^Monotone\.Tool\.(.+)\.nupkg$")]
    private static partial Regex PackageVersion();
}
