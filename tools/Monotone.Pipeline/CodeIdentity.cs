using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Monotone.Pipeline;

/// <summary>
/// The identity of the code that draws the paper stages: a hash of the sources the tool's drawing
/// assemblies were compiled from (<see cref="AssemblySources"/>, from their embedded PDBs; for an
/// assembly without one, of its code, <see cref="AssemblyCode"/>), so a changed drawing method (or
/// a drawing library updated to another version) makes every paper stage stale, and nothing else
/// does: not another configuration, output folder or artifacts path (their IL differs), and not a commit. Not their
/// module version ids: Nerdbank.GitVersioning stamps the commit id into every assembly, so the MVIDs
/// changed with every commit and each commit redrew the paper once, byte for byte the same. Read
/// from the files' metadata, never by loading them, so the MSBuild task and the tool compute the
/// same value.
/// </summary>
public static class CodeIdentity
{
    /// <summary>The assemblies whose code shapes the paper's bytes: the tool (which plans the files) and the three drawing libraries.</summary>
    public static IReadOnlyList<string> Assemblies { get; } = ["dotnet-monotone.dll", "Monotone.Figures.dll", "Monotone.Appendix.dll", "Monotone.Report.dll"];

    /// <summary>The identity of the tool in <paramref name="folder"/>; null when an assembly is missing or unreadable.</summary>
    /// <returns>Lower-case hexadecimal, the first 16 bytes of SHA-256 over "name code-hash" lines.</returns>
    public static string? Of(string folder)
    {
        var lines = new StringBuilder();
        foreach (string name in Assemblies)
        {
            string path = Path.Combine(folder, name);
            if (!File.Exists(path))
            {
                return null;
            }

            try
            {
                byte[] image = File.ReadAllBytes(path);
                lines.Append(name).Append(' ').Append(Convert.ToHexStringLower(AssemblySources.Hash(image) ?? AssemblyCode.Hash(image))).Append('\n');
            }
            catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())).AsSpan(0, 16));
    }

    /// <summary>
    /// The identity of a tool that runs from no files (single-file publishing): its loaded modules'
    /// version ids, one per name of <see cref="Assemblies"/>, in that order. These change with every
    /// commit (see the class), so such a tool redraws the paper once after each commit.
    /// </summary>
    public static string Of(IReadOnlyList<Guid> mvids)
    {
        var lines = new StringBuilder();
        for (int i = 0; i < Assemblies.Count; i++)
        {
            lines.Append(Assemblies[i]).Append(' ').Append(mvids[i].ToString("N")).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines.ToString())).AsSpan(0, 16));
    }

    /// <summary>
    /// The identity of the tool a repository's tool manifest names (package mode: `dotnet tool run
    /// dotnet-monotone`), found where `dotnet tool restore` puts it, in the NuGet packages folder;
    /// null when the manifest names no such tool or it is not restored yet (the tool then decides).
    /// </summary>
    /// <param name="toolManifest">dotnet-tools.json.</param>
    /// <param name="packageRoot">The NuGet global packages folder (MSBuild's NuGetPackageRoot).</param>
    public static string? OfPackage(string toolManifest, string packageRoot)
    {
        if (!File.Exists(toolManifest) || packageRoot.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(toolManifest));
            if (!document.RootElement.GetProperty("tools").TryGetProperty("monotone.tool", out var tool)
                || tool.GetProperty("version").GetString() is not { Length: > 0 } version)
            {
                return null;
            }

            string tools = Path.Combine(packageRoot, "monotone.tool", version.ToLowerInvariant(), "tools");
            return Directory.Exists(tools)
                ? Directory.EnumerateDirectories(tools).Order(StringComparer.Ordinal).Select(f => Path.Combine(f, "any")).Where(Directory.Exists).Select(Of).FirstOrDefault(i => i is not null)
                : null;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
