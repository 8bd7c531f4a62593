using System.ComponentModel;
using System.Text;
using Monotone.Core;

namespace Monotone.Results;

/// <summary>
/// The commit that last changed a file, from git's own history (<c>git log -1 --format=%H -- FILE</c>),
/// so that result files need no field of their own for it and <c>run --force</c> on unchanged inputs
/// still changes nothing.
/// </summary>
/// <remarks>
/// Asking git rather than reading <c>.git</c> ourselves: git alone knows worktrees, packed refs,
/// replace objects and its own configuration. A missing git, a folder outside any repository, or
/// a repository git refuses (another owner's, <c>safe.directory</c>) all give <see cref="NoHistory"/>,
/// never an error: the appendix must still be written on a machine without git. In a shallow
/// clone git can only name the oldest commit it has, which may be later than the real one.
/// </remarks>
public sealed class GitHistory
{
    /// <summary>What is shown for a file that differs from its last commit, or was never committed.</summary>
    public const string Uncommitted = "uncommitted";

    /// <summary>What is shown where git cannot be asked.</summary>
    public const string NoHistory = "no git history";

    private readonly string? top;

    private GitHistory(string? top) => this.top = top;

    /// <summary>A history that answers <see cref="NoHistory"/> for every file.</summary>
    public static GitHistory None { get; } = new(null);

    /// <summary>The repository that holds <paramref name="folder"/>; <see cref="None"/> where there is none or no git.</summary>
    public static GitHistory Open(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        return Git(folder, "rev-parse", "--show-toplevel") is { Length: > 0 } root ? new GitHistory(root) : None;
    }

    /// <summary>
    /// The full hash of the commit that last changed <paramref name="path"/>; <see cref="Uncommitted"/>
    /// where the working file differs from that commit (modified, staged, untracked, ignored, never
    /// committed); <see cref="NoHistory"/> where git cannot be asked.
    /// </summary>
    public string CommitOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (top is null)
        {
            return NoHistory;
        }

        string full = Path.GetFullPath(path);
        // --ignored: an ignored file is not part of any commit, so it is as uncommitted as an untracked one.
        if (Git(top, "status", "--porcelain", "--ignored", "--", full) is not string status)
        {
            return NoHistory;
        }

        if (status.Length > 0)
        {
            return Uncommitted;
        }

        return Git(top, "log", "-1", "--format=%H", "--", full) switch
        {
            null => NoHistory,
            "" => Uncommitted,
            string hash => hash,
        };
    }

    /// <summary>git's trimmed standard output, or null when git is missing or fails.</summary>
    private static string? Git(string folder, params string[] arguments)
    {
        try
        {
            var (code, output, _) = new GitProcess(folder).Run(arguments);
            return code == 0 ? Encoding.UTF8.GetString(output).Trim() : null;
        }
        catch (Win32Exception)
        {
            // No git on PATH.
            return null;
        }
    }
}
