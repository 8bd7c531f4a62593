using System.Reflection;

namespace Monotone.Core;

/// <summary>
/// The version of the package an assembly was built for (Nerdbank.GitVersioning's per-commit
/// package version, with the working tree's <c>dirty-</c> label: Directory.Build.targets): what
/// `dotnet monotone --version` prints and what the build's MONO1014 tells a study repository to
/// install. Read from an assembly-level attribute that only the projects setting
/// <c>MonotoneStampPackageVersion</c> carry (Monotone.Tool, Monotone.Build): the informational
/// version every assembly carries stays the base version that result files record (0.1.0), and
/// the attribute is generated under obj/, which the drawing code's identity leaves out
/// (AssemblySources in Monotone.Pipeline), so a new commit still redraws nothing.
/// </summary>
public static class PackageVersion
{
    /// <summary>The name of the <see cref="AssemblyMetadataAttribute"/> Directory.Build.targets writes.</summary>
    public const string MetadataKey = "MonotonePackageVersion";

    /// <summary>
    /// The package version <paramref name="assembly"/> was built for, e.g. <c>0.1.83-g15eed063cf</c>;
    /// its informational version where the attribute is absent, and <c>0.0.0</c> where both are.
    /// </summary>
    public static string Of(Assembly assembly) =>
        assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == MetadataKey)?.Value is { Length: > 0 } version
            ? version
            : assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
}
