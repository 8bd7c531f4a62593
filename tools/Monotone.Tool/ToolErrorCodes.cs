namespace Monotone.Tool;

/// <summary>
/// Fixed diagnostic codes of the command line (MONO040-MONO059, shared with
/// <see cref="Monotone.Results.FileErrorCodes"/>; docs/errors.md lists every code). Never renumber one.
/// </summary>
internal static class ToolErrorCodes
{
    /// <summary>The command line cannot be parsed, or an option's value is out of range.</summary>
    public const string Usage = "MONO040";

    /// <summary>A file cannot be read as the command needs (a pipe where seeking is needed: NotSupportedException).</summary>
    public const string NotSupported = "MONO046";

    /// <summary>The request needs more memory than the process can get (OutOfMemoryException).</summary>
    public const string OutOfMemory = "MONO047";

    /// <summary>An engine cannot run on this machine (no libtorch, no GPU); exit code 3.</summary>
    public const string EngineUnavailable = "MONO050";
}
