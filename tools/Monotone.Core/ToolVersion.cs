namespace Monotone.Core;

/// <summary>
/// The tool version that result files, figures, the appendix and the report record:
/// major.minor of the assembly version (<c>Version</c>, set by Directory.Build.targets). Not the
/// package version, which changes with every commit: results are committed, and must not
/// change when nothing but the commit does. What the numbers depend on is recorded as
/// <see cref="AnalysisVersion"/>.
/// </summary>
public static class ToolVersion
{
    /// <summary>"major.minor", such as "0.1"; "0.0" for an assembly without a version.</summary>
    public static string Current { get; } = typeof(ToolVersion).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}" : "0.0";
}
