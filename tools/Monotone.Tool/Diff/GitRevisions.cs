using System.Text;
using Monotone.Core;

namespace Monotone.Tool.Diff;

/// <summary>The repository that holds a folder, and the commits its revisions name.</summary>
internal static class GitRevisions
{
    /// <summary>git, run in <paramref name="folder"/>, once git has confirmed that the folder is in a repository it will work in.</summary>
    /// <exception cref="BadInputException">
    /// <see cref="DiagnosticCodes.Diff.GitUnavailable"/> without git; <see cref="DiagnosticCodes.Diff.NotARepository"/>, naming the
    /// folder, outside any repository or in one git refuses (another owner's, <c>safe.directory</c>).
    /// </exception>
    public static GitCommand Open(string folder)
    {
        var git = new GitCommand(folder);
        var (code, _, error) = git.Run("rev-parse", "--show-toplevel");
        return code == 0
            ? git
            : throw new BadInputException(DiagnosticCodes.Diff.NotARepository, folder, $"not in a git repository, or one git refuses (git: {GitCommand.FirstLine(error)}); diff compares results between commits");
    }

    /// <summary>The full hash of the commit <paramref name="revision"/> names (a hash, a branch, a tag, <c>HEAD~2</c>).</summary>
    /// <exception cref="BadInputException"><see cref="DiagnosticCodes.Diff.UnknownRevision"/> when it names no commit.</exception>
    public static string Resolve(GitCommand git, string revision)
    {
        // A leading '-' would be read as an option; no branch, tag or hash starts with one.
        if (revision.Length == 0 || revision.StartsWith('-'))
        {
            throw Unknown(revision);
        }

        var (code, output, _) = git.Run("rev-parse", "--verify", "--quiet", revision + "^{commit}");
        string commit = Encoding.UTF8.GetString(output).Trim();
        return code == 0 && commit.Length > 0 ? commit : throw Unknown(revision);
    }

    private static BadInputException Unknown(string revision) =>
        new(DiagnosticCodes.Diff.UnknownRevision, Console.ToolConsole.Origin, $"unknown revision '{revision}': it names no commit of this repository (try a hash, a branch, a tag or HEAD~1)");
}
