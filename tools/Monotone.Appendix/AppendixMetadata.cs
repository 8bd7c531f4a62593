using Monotone.Appendix.Provenance;

namespace Monotone.Appendix;

/// <summary>
/// What the appendix says beside the results: the manifest's title, authors and introduction
/// (first page, PDF document information) and where each result came from (provenance).
/// </summary>
/// <param name="Introduction">Plain text; a blank line starts a new paragraph.</param>
public sealed record AppendixMetadata(string Title, IReadOnlyList<string> Authors, string Introduction)
{
    /// <summary>
    /// The document's creation date, or null for none. Never the clock: pass
    /// <see cref="SourceDate.FromEnvironment"/> to honour SOURCE_DATE_EPOCH.
    /// </summary>
    public DateTime? Date { get; init; }

    /// <summary>Each result's own input and the commit that last changed its file; none by default.</summary>
    public ResultOrigins Origins { get; init; } = ResultOrigins.None;
}

/// <summary>The reproducible-builds convention for a build's date.</summary>
public static class SourceDate
{
    /// <summary>SOURCE_DATE_EPOCH (seconds since 1970, UTC) when set and valid; null otherwise.</summary>
    public static DateTime? FromEnvironment() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime
            : null;
}
