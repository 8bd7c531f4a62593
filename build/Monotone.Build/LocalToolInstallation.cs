using System.Text.Json;
using Monotone.Core;

namespace Monotone.Build;

/// <summary>
/// Why `dotnet tool run dotnet-monotone` could not start the tool in a study repository (package
/// mode, build/Monotone.targets): no tool manifest, a manifest without Monotone.Tool, or a version
/// that `dotnet tool restore` has not put into the NuGet packages folder yet. Asked only after the
/// command failed, so a layout this check does not know (a manifest further up, another packages
/// folder) can never fail a build that would have run.
/// </summary>
internal static class LocalToolInstallation
{
    /// <summary>The package id as tool manifests spell it (`dotnet tool install` writes it lower-case).</summary>
    private const string PackageId = "monotone.tool";

    /// <summary>The tool version that goes with these tasks: the Monotone.Build package's own (both are packed together).</summary>
    internal static string Version { get; } = PackageVersion.Of(typeof(LocalToolInstallation).Assembly);

    /// <summary>The problem and its fix, one line; null when the manifest names a restored Monotone.Tool (the failure was the tool's own).</summary>
    /// <param name="toolManifest">The dotnet-tools.json the build found above the project, or empty when it found none.</param>
    /// <param name="packageRoot">NuGet's global packages folder (MSBuild's NuGetPackageRoot), where `dotnet tool restore` puts the tool; empty: not checked.</param>
    public static string? Problem(string toolManifest, string packageRoot)
    {
        string install = $"run 'dotnet new tool-manifest' (where there is none) and 'dotnet tool install Monotone.Tool --version {Version}'";
        if (toolManifest.Length == 0 || !File.Exists(toolManifest))
        {
            return $"the dotnet-monotone tool is not installed for this repository (no tool manifest above the project): {install}";
        }

        string? version;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(toolManifest));
            version = document.RootElement.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Object
                ? tools.EnumerateObject().Where(t => string.Equals(t.Name, PackageId, StringComparison.OrdinalIgnoreCase))
                    .Select(t => t.Value.ValueKind == JsonValueKind.Object && t.Value.TryGetProperty("version", out var v) ? v.GetString() : null)
                    .FirstOrDefault()
                : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // dotnet reports a manifest it cannot read in its own words.
            return null;
        }

        if (version is not { Length: > 0 })
        {
            return $"the dotnet-monotone tool is not installed for this repository (the tool manifest names no Monotone.Tool): {install}";
        }

        return packageRoot.Length > 0 && !Directory.Exists(Path.Combine(packageRoot, PackageId, version.ToLowerInvariant()))
            ? $"the dotnet-monotone tool ({version}, which the tool manifest names) is not restored on this machine: run 'dotnet tool restore'"
            : null;
    }
}
