using System.Text;
using Monotone.Results;

namespace Monotone.Tool.Diff;

/// <summary>
/// The result files of one commit, read from git's object store (<c>git ls-tree</c>,
/// <c>git cat-file blob</c>) without checking anything out.
/// </summary>
internal sealed class CommitResults : ResultSnapshot
{
    private readonly GitCommand git;
    private readonly string experiments;

    // Key -> the blob's object name.
    private readonly Dictionary<string, string> blobs = new(StringComparer.Ordinal);

    /// <param name="git">git, run in the manifest's folder.</param>
    /// <param name="revision">The revision as the user gave it, for messages.</param>
    /// <param name="commit">The full hash <paramref name="revision"/> resolved to.</param>
    /// <param name="experiments">The experiments folder relative to <see cref="GitCommand.Folder"/>, with <c>/</c> separators.</param>
    public CommitResults(GitCommand git, string revision, string commit, string experiments)
    {
        this.git = git;
        this.experiments = experiments;
        Revision = revision;
        Commit = commit;

        // -z: names as they are, neither quoted nor escaped. Paths are relative to the folder git runs in.
        string[] arguments = ["ls-tree", "-r", "-z", commit, "--", experiments];
        var (code, output, error) = git.Run(arguments);
        if (code != 0)
        {
            throw GitCommand.Failed(arguments, error);
        }

        foreach (string entry in Encoding.UTF8.GetString(output).Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            // "<mode> <type> <object>\t<path>"; a symbolic link or a submodule holds no result.
            int tab = entry.IndexOf('\t', StringComparison.Ordinal);
            string[] fields = entry[..tab].Split(' ');
            string path = entry[(tab + 1)..];
            if (fields is [("100644" or "100755"), "blob", var blob] && path.StartsWith(experiments + "/", StringComparison.Ordinal)
                && KeyOf(path[(experiments.Length + 1)..]) is string key)
            {
                blobs[key] = blob;
            }
        }
    }

    public override string? Revision { get; }

    public override string? Commit { get; }

    public override IReadOnlyCollection<string> Keys => blobs.Keys;

    protected override string Origin(string key) => $"{Revision}:{experiments}/{key}/{ResultJson.FileName}";

    protected override byte[] Bytes(string key)
    {
        string[] arguments = ["cat-file", "blob", blobs[key]];
        var (code, output, error) = git.Run(arguments);
        return code == 0 ? output : throw GitCommand.Failed(arguments, error);
    }
}
