using System.Reflection;

namespace Monotone.Tool;

/// <summary>
/// The version of the Monotone.Tool package this tool was built for (Nerdbank.GitVersioning's
/// per-commit package version, with the working tree's <c>dirty-</c> label: Directory.Build.targets),
/// which `dotnet tool list` shows. Read from an assembly-level attribute the tool project alone sets
/// (Monotone.Tool.csproj): the informational version every assembly carries stays the base version
/// that result files record (0.1.0), and the attribute is generated under obj/, which the drawing
/// code's identity leaves out (AssemblySources in Monotone.Pipeline), so a new commit still redraws nothing.
/// </summary>
internal static class PackageVersion
{
    /// <summary>The name of the <see cref="AssemblyMetadataAttribute"/> Monotone.Tool.csproj writes.</summary>
    internal const string MetadataKey = "MonotonePackageVersion";

    /// <summary>The package version, e.g. <c>0.1.83-g15eed063cf</c>; the informational version where the attribute is absent.</summary>
    internal static string Current { get; } = Read(typeof(PackageVersion).Assembly);

    private static string Read(Assembly assembly) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == MetadataKey)?.Value is { Length: > 0 } version
            ? version
            : assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
