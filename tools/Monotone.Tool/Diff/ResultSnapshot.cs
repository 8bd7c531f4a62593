using System.Text.Json;
using Monotone.Core;
using Monotone.Results;

namespace Monotone.Tool.Diff;

/// <summary>
/// The result files of one side of a diff: a commit, or the working tree. Each file is named
/// by its experiment's key, the folder under <c>experiments/</c> that holds it with <c>/</c>
/// between the parts (<c>mpt-7b/256</c>), so the two sides pair up whatever the manifest says.
/// </summary>
internal abstract class ResultSnapshot
{
    /// <summary>The revision as the user gave it; null for the working tree.</summary>
    public abstract string? Revision { get; }

    /// <summary>The full hash of the commit; null for the working tree.</summary>
    public abstract string? Commit { get; }

    /// <summary>How the side is named in the table's first line: <c>HEAD (1a2b3c4)</c>, <c>the working tree</c>.</summary>
    public string Title => Commit is null ? "the working tree" : $"{Revision} ({Commit[..Math.Min(7, Commit.Length)]})";

    /// <summary>The keys of every result file on this side, in no particular order.</summary>
    public abstract IReadOnlyCollection<string> Keys { get; }

    /// <summary>Reads the result file of <paramref name="key"/> (one of <see cref="Keys"/>).</summary>
    /// <exception cref="BadInputException"><see cref="DiagnosticCodes.Diff.UnreadableResult"/>, naming the file, when it is not a Monotone result or not a valid one.</exception>
    public MonotonicityResult Read(string key)
    {
        string origin = Origin(key);
        try
        {
            return ResultJson.FromBytes(Bytes(key));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            // InvalidDataException: well-formed JSON whose numbers contradict each other (ResultJson's checks).
            throw new BadInputException(DiagnosticCodes.Diff.UnreadableResult, origin, $"not a Monotone result file ({e.Message})");
        }
    }

    /// <summary>Where the file of <paramref name="key"/> is, as a diagnostic names it (<c>HEAD:experiments/a/16/monotonicity.json</c>).</summary>
    protected abstract string Origin(string key);

    /// <summary>The raw bytes of the file of <paramref name="key"/>.</summary>
    protected abstract byte[] Bytes(string key);

    /// <summary>The key of a result file at <paramref name="relative"/>, a path under experiments/ with <c>/</c> separators; null for any other file.</summary>
    protected static string? KeyOf(string relative)
    {
        string suffix = "/" + ResultJson.FileName;
        return relative.EndsWith(suffix, StringComparison.Ordinal) && relative.Length > suffix.Length
            ? relative[..^suffix.Length]
            : null;
    }
}
