using Monotone.Core;

namespace Monotone.Results;

/// <summary>
/// An output the tool cannot write as asked. An <see cref="IOException"/>, so callers that
/// already handle file-system failures handle it too; its message is one line that starts
/// with the path the user named (never a temporary file).
/// </summary>
public sealed class OutputFileException(string code, string path, string problem, Exception? inner = null)
    : IOException($"{path}: {problem}", inner)
{
    /// <summary>One of <see cref="DiagnosticCodes.CommandLineAndFiles"/>.</summary>
    public string Code { get; } = code;

    /// <summary>The output as the user or the manifest named it.</summary>
    public string Path { get; } = path;

    public string Problem { get; } = problem;
}
