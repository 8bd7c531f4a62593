using Monotone.Core;

namespace Monotone.Manifest;

/// <summary>
/// A problem in the manifest, printed in the canonical compiler form
/// <c>experiments.yaml(12,5): error MONO002: ...</c> that MSBuild and editors recognise.
/// The problem quotes the manifest's own text, so control characters in it are escaped
/// (<see cref="DiagnosticText"/>) and the message stays one line.
/// </summary>
public sealed class ManifestException(string path, SourceLocation location, string code, string problem)
    : Exception($"{DiagnosticText.Escape(path)}({location.Line},{location.Column}): error {code}: {DiagnosticText.Escape(problem)}")
{
    public string FilePath { get; } = path;

    public SourceLocation Location { get; } = location;

    public string Code { get; } = code;

    /// <summary>The problem, control characters escaped.</summary>
    public string Problem { get; } = DiagnosticText.Escape(problem);
}

/// <summary>A 1-based line and column in the manifest.</summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public static SourceLocation Start { get; } = new(1, 1);
}
