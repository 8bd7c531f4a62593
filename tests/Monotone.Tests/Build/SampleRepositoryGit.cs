using System.Text.RegularExpressions;

namespace Monotone.Tests.Build;

/// <summary>
/// What the packaging tests (VersionTests, WorkingTreeVersionTests) do to their small git repository
/// (a <see cref="Support.GitRepository"/>) of one packable project: a NuGet configuration that restores
/// offline, and reading the version back from the package's file name.
/// </summary>
internal static partial class SampleRepositoryGit
{
    /// <summary>Writes <c>nuget.config</c> in <paramref name="repository"/> with the user's NuGet cache as the only feed.</summary>
    public static void WriteCacheOnlyNuGetConfig(string repository)
    {
        // The user's NuGet cache read as a feed: Nerdbank.GitVersioning is there once this checkout restored.
        string cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(repository, "nuget.config"),
            $"<configuration>\n  <packageSources>\n    <clear />\n    <add key=\"cache\" value=\"{cache}\" />\n  </packageSources>\n</configuration>\n");
    }

    /// <summary>The version in a package file name <c>Sample.VERSION.nupkg</c> (group 1).</summary>
    [GeneratedRegex(@"^Sample\.(.+)\.nupkg$")]
    public static partial Regex PackageVersion();
}
