using System.ComponentModel;
using Monotone.Core;
using Monotone.Tool.Console;

namespace Monotone.Tool.Diff;

/// <summary>
/// git for <c>diff</c>: a <see cref="GitProcess"/> whose failures are <c>diff</c>'s one-line errors
/// (<see cref="DiagnosticCodes.Diff.GitUnavailable"/>, <see cref="DiagnosticCodes.Diff.GitFailed"/>).
/// </summary>
/// <param name="folder">The folder git runs in.</param>
/// <param name="program">The git program, found on PATH unless a path is given (tests name a missing one).</param>
internal sealed class GitCommand(string folder, string program = "git")
{
    private readonly GitProcess git = new(folder, program);

    /// <summary>The folder git runs in (<c>git -C</c>); paths in arguments are relative to it.</summary>
    public string Folder => git.Folder;

    /// <summary>Runs <c>git -C Folder ARGUMENTS</c> and returns its exit code, standard output (raw bytes) and standard error.</summary>
    /// <exception cref="BadInputException"><see cref="DiagnosticCodes.Diff.GitUnavailable"/> when git cannot be started.</exception>
    public (int ExitCode, byte[] Output, string Error) Run(params string[] arguments)
    {
        try
        {
            return git.Run(arguments);
        }
        catch (Win32Exception e)
        {
            throw new BadInputException(DiagnosticCodes.Diff.GitUnavailable, ToolConsole.Origin, $"git cannot be started ({e.Message}); diff reads older results from git: install git or put it on PATH");
        }
    }

    /// <summary>Runs git and returns its trimmed standard output as text; a failure is <see cref="DiagnosticCodes.Diff.GitFailed"/>.</summary>
    public string Text(params string[] arguments)
    {
        var (code, output, error) = Run(arguments);
        return code == 0
            ? System.Text.Encoding.UTF8.GetString(output).Trim()
            : throw Failed(arguments, error);
    }

    /// <summary>The one-line error for a git command that failed for no reason the caller foresaw.</summary>
    public static BadInputException Failed(IEnumerable<string> arguments, string error) =>
        new(DiagnosticCodes.Diff.GitFailed, ToolConsole.Origin, $"git {string.Join(' ', arguments)} failed: {FirstLine(error)}");

    /// <summary>git's first line of complaint, or a stand-in when it said nothing.</summary>
    public static string FirstLine(string error) =>
        error.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "(no message)";
}
