using Monotone.Core;

namespace Monotone.Engine.Torch;

/// <summary>
/// Finds libtorch's native libraries at run time instead of shipping them (600 MB for the
/// CPU build): first where <see cref="Variable"/> says, then beside the app (where a CUDA
/// build's package copies them), then in the NuGet cache that <c>dotnet restore</c> filled.
/// </summary>
internal static class LibTorchLocation
{
    /// <summary>A folder holding libtorch.so and its siblings, e.g. a libtorch 2.10.0 lib folder.</summary>
    public const string Variable = "MONOTONE_LIBTORCH";

    private const string Marker = "libtorch.so";

    /// <returns>The folder, and how it was found (for the line that reports the engine).</returns>
    /// <exception cref="EngineUnavailableException">libtorch is in none of the places.</exception>
    public static (string Folder, string Source) Find()
    {
        string? configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrEmpty(configured))
        {
            // A wrong setting is an error, not a reason to quietly pick another libtorch.
            return Holds(configured)
                ? (configured, Variable)
                : throw new EngineUnavailableException($"{Variable} is {configured}, which holds no {Marker}");
        }

        string app = AppContext.BaseDirectory;
        foreach (string folder in new[] { Path.Combine(app, "runtimes", "linux-x64", "native"), app }.Where(Holds))
        {
            return (folder, "the app's folder");
        }

        string cache = Path.Combine(NuGetPackagesFolder(), LibTorchPackage.Id.ToLowerInvariant(), LibTorchPackage.Version, "runtimes", "linux-x64", "native");
        return Holds(cache)
            ? (cache, "the NuGet cache")
            : throw new EngineUnavailableException(
                $"libtorch {LibTorchPackage.Version} was not found: restore the package {LibTorchPackage.Id} {LibTorchPackage.Version} (dotnet build in the Monotone repository does) or set {Variable} to a folder holding {Marker}");
    }

    private static bool Holds(string folder) =>
        File.Exists(Path.Combine(folder, Marker))
        && (!LibTorchPackage.IsCuda || File.Exists(Path.Combine(folder, "libtorch_cuda.so")));

    // NuGet's own rule: NUGET_PACKAGES, else ~/.nuget/packages.
    private static string NuGetPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
