using Monotone.Core;
using Monotone.Manifest;
using Monotone.Pipeline;
using Monotone.Results;
using Monotone.Tool.Console;

namespace Monotone.Tool;

/// <summary>
/// Turns every failure a user can cause, or a machine can impose, into one diagnostic line
/// and an exit code (docs/errors.md), never a stack trace.
/// </summary>
internal static class FailureReport
{
    /// <summary>Whether <paramref name="failure"/> is one the tool reports; false leaves a bug to surface as one.</summary>
    public static bool IsReported(Exception failure) => failure is ManifestException or UsageException or BadInputException
        or IOException or UnauthorizedAccessException or NotSupportedException or OutOfMemoryException
        or EngineUnavailableException;

    /// <summary>Writes the line for <paramref name="failure"/> (one that <see cref="IsReported"/> accepts) and returns the exit code.</summary>
    public static ExitCode Write(ToolConsole console, Exception failure)
    {
        switch (failure)
        {
            case ManifestException manifest:
                console.WriteError(manifest);
                return ExitCode.BadInput;
            case UsageException usage:
                console.WriteError(ToolConsole.Origin, DiagnosticCodes.CommandLineAndFiles.Usage, usage.Message);
                return ExitCode.BadInput;
            case BadInputException input:
                console.WriteError(input.Path, input.Code, input.Problem);
                return ExitCode.BadInput;
            case EngineUnavailableException engine:
                console.WriteError(
                    ToolConsole.Origin,
                    DiagnosticCodes.CommandLineAndFiles.EngineUnavailable,
                    $"the torch engine cannot run here: {engine.Message}; use --engine {EngineCatalog.Managed.Name()} (the managed engine) instead");
                return ExitCode.EnvironmentUnavailable;
            case OutOfMemoryException:
                console.WriteError(
                    ToolConsole.Origin,
                    DiagnosticCodes.CommandLineAndFiles.OutOfMemory,
                    "out of memory: the request needs more memory than this process can get; analyse fewer layers at once (--jobs 1) or use a machine with more memory");
                return ExitCode.BadInput;
            case NotSupportedException unsupported:
                console.WriteError(ToolConsole.Origin, DiagnosticCodes.CommandLineAndFiles.NotSupported, $"an input does not support what reading it needs: {unsupported.Message}");
                return ExitCode.BadInput;
            default:
                var file = FileProblem(failure);
                console.WriteError(file.Path, file.Code, file.Problem);
                return ExitCode.BadInput;
        }
    }

    // IOException and UnauthorizedAccessException: name the file where .NET's message does.
    private static OutputFileException FileProblem(Exception failure)
    {
        if (failure is OutputFileException known)
        {
            return known;
        }

        string? path = QuotedPath(failure.Message);
        if (failure is UnauthorizedAccessException && path is not null && Directory.Exists(path))
        {
            return new OutputFileException(DiagnosticCodes.CommandLineAndFiles.OutputPath, path, "is a directory where a file was expected", failure);
        }

        return failure is UnauthorizedAccessException
            ? new OutputFileException(DiagnosticCodes.CommandLineAndFiles.AccessDenied, path ?? ToolConsole.Origin, path is null ? $"permission denied, or a file or folder is immutable ({failure.Message})" : "permission denied, or the file or its folder is immutable", failure)
            : new OutputFileException(failure.Message.Contains("No space left", StringComparison.Ordinal) ? DiagnosticCodes.CommandLineAndFiles.DiskFull : DiagnosticCodes.CommandLineAndFiles.FileSystem, path ?? ToolConsole.Origin, failure.Message, failure);
    }

    // .NET quotes the path in its file-system messages: "Access to the path '/x' is denied.", "... : '/x'".
    private static string? QuotedPath(string message)
    {
        int end = message.LastIndexOf('\'');
        int start = end > 0 ? message.LastIndexOf('\'', end - 1) : -1;
        return start >= 0 && end > start + 1 ? message[(start + 1)..end] : null;
    }
}
