using Monotone.Results;

namespace Monotone.Appendix.Provenance;

/// <summary>Where one result came from, beyond what its file records.</summary>
/// <param name="Input">
/// The experiment's own input as a reader should see it: a file's path relative to the data
/// root (e.g. <c>bigscience_bloom/256/attention_probs_mean.pt</c>), or the synthetic source's name.
/// </param>
/// <param name="Commit">
/// The full hash of the commit that last changed the result file, or
/// <see cref="GitHistory.Uncommitted"/>, or <see cref="GitHistory.NoHistory"/>.
/// </param>
public sealed record ResultOrigin(string Input, string Commit)
{
    /// <summary>The commit as a table shows it: 12 hex digits, or the word(s) that stand for none.</summary>
    public string ShortCommit => IsHash(Commit) ? Commit[..12] : Commit;

    private static bool IsHash(string text) => text.Length >= 12 && text.All(char.IsAsciiHexDigitLower);
}
