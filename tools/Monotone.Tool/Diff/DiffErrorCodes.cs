namespace Monotone.Tool.Diff;

/// <summary>
/// Fixed diagnostic codes of <c>dotnet monotone diff</c> (MONO075-MONO079, the part of the
/// scientific record's range set aside for it; docs/errors.md lists every code). Never renumber one.
/// </summary>
internal static class DiffErrorCodes
{
    /// <summary>The git command is not on PATH, or cannot be started.</summary>
    public const string GitUnavailable = "MONO075";

    /// <summary>The manifest's folder is not inside a git repository, or git refuses it (safe.directory).</summary>
    public const string NotARepository = "MONO076";

    /// <summary>A revision git cannot resolve to a commit.</summary>
    public const string UnknownRevision = "MONO077";

    /// <summary>A result file, at a revision or in the working tree, is not a readable Monotone result.</summary>
    public const string UnreadableResult = "MONO078";

    /// <summary>git failed in a way none of the other codes names (a corrupt object, a broken repository).</summary>
    public const string GitFailed = "MONO079";
}
