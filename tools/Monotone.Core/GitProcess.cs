using System.ComponentModel;
using System.Diagnostics;

namespace Monotone.Core;

/// <summary>
/// Runs the git command in one folder, each argument passed as itself (never through a shell),
/// with messages in one language, no pager, no optional locks and no credential prompt, whatever
/// the user's configuration says. The one way the tool starts git: the appendix's provenance
/// (<c>GitHistory</c>) and <c>diff</c> (<c>GitCommand</c>) both run through it.
/// </summary>
/// <remarks>
/// Asking git rather than reading <c>.git</c> (or linking libgit2): git alone knows worktrees,
/// packed refs, replace objects, partial clones and its own configuration, and the tool package
/// stays free of native git binaries. It lives in this project, the lowest one both users
/// reference, because that one carries no analysis kernels.
/// </remarks>
/// <param name="folder">The folder git runs in (<c>git -C</c>); paths in arguments are relative to it.</param>
/// <param name="program">The git program, found on PATH unless a path is given (tests name a missing one).</param>
public sealed class GitProcess(string folder, string program = "git")
{
    /// <summary>The folder git runs in.</summary>
    public string Folder { get; } = folder;

    /// <summary>Runs <c>git -C Folder ARGUMENTS</c> to its end.</summary>
    /// <returns>git's exit code, its standard output as raw bytes, and its standard error, trimmed.</returns>
    /// <exception cref="Win32Exception">git cannot be started (not on PATH, not executable).</exception>
    public (int ExitCode, byte[] Output, string Error) Run(params IEnumerable<string> arguments)
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

        // Process.Start returns null only for a shell-executed start, which this is not.
        using var process = Process.Start(start) ?? throw new Win32Exception($"{program} did not start");

        // Standard error is read alongside, so that neither pipe can fill up and stall git.
        var error = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        return (process.ExitCode, output.ToArray(), error.Result.Trim());
    }
}
