using System.ComponentModel;
using System.Diagnostics;
using Monotone.TensorInput;
using Monotone.Tool.Console;

namespace Monotone.Tool.Diff;

/// <summary>
/// Runs the git command in one folder, each argument passed as itself (never through a shell),
/// with messages in one language and no pager, whatever the user's configuration says.
/// </summary>
/// <remarks>
/// Asking git rather than reading <c>.git</c> (or linking libgit2): git alone knows worktrees,
/// packed refs, replace objects, partial clones and its own configuration, and the tool
/// package stays free of native git binaries.
/// </remarks>
/// <param name="folder">The folder git runs in.</param>
/// <param name="program">The git program, found on PATH unless a path is given (tests name a missing one).</param>
internal sealed class GitCommand(string folder, string program = "git")
{
    /// <summary>The folder git runs in (<c>git -C</c>); paths in arguments are relative to it.</summary>
    public string Folder { get; } = folder;

    /// <summary>Runs <c>git -C Folder ARGUMENTS</c> and returns its exit code, standard output (raw bytes) and standard error.</summary>
    /// <exception cref="BadInputException"><see cref="DiffErrorCodes.GitUnavailable"/> when git cannot be started.</exception>
    public (int ExitCode, byte[] Output, string Error) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-C");
        start.ArgumentList.Add(Folder);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        start.Environment["GIT_PAGER"] = "cat";
        start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
        start.Environment["GIT_TERMINAL_PROMPT"] = "0";
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (Win32Exception e)
        {
            throw new BadInputException(DiffErrorCodes.GitUnavailable, ToolConsole.Origin, $"git cannot be started ({e.Message}); diff reads older results from git: install git or put it on PATH");
        }

        using (process)
        {
            if (process is null)
            {
                throw new BadInputException(DiffErrorCodes.GitUnavailable, ToolConsole.Origin, "git cannot be started; diff reads older results from git: install git or put it on PATH");
            }

            var error = process.StandardError.ReadToEndAsync();
            using var output = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            return (process.ExitCode, output.ToArray(), error.Result.Trim());
        }
    }

    /// <summary>Runs git and returns its trimmed standard output as text; a failure is <see cref="DiffErrorCodes.GitFailed"/>.</summary>
    public string Text(params string[] arguments)
    {
        var (code, output, error) = Run(arguments);
        return code == 0
            ? System.Text.Encoding.UTF8.GetString(output).Trim()
            : throw Failed(arguments, error);
    }

    /// <summary>The one-line error for a git command that failed for no reason the caller foresaw.</summary>
    public static BadInputException Failed(IEnumerable<string> arguments, string error) =>
        new(DiffErrorCodes.GitFailed, ToolConsole.Origin, $"git {string.Join(' ', arguments)} failed: {FirstLine(error)}");

    /// <summary>git's first line of complaint, or a stand-in when it said nothing.</summary>
    public static string FirstLine(string error) =>
        error.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is [var first, ..] ? first : "(no message)";
}
