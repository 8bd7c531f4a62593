using System.Security.Cryptography;
using Monotone.Results;

namespace Monotone.Pipeline;

/// <summary>
/// What each paper stage is made from, as named values: the stage record keeps them, and a stage
/// whose values differ from the recorded ones is stale, with the differing names as its reasons.
/// Results enter by the SHA-256 of their bytes, so a checkout that changes only timestamps
/// changes nothing, and a result re-analysed into the same bytes redraws nothing.
/// </summary>
internal static class StageInputs
{
    /// <summary>The value of a result that is not on disk: the stage waits for the analysis.</summary>
    public const string Missing = "missing";

    /// <param name="code">The drawing code's identity (<see cref="IPaperDrawing.CodeIdentity"/>).</param>
    /// <returns>Name → value, sorted by name; the names are the ones reasons show.</returns>
    public static SortedDictionary<string, string> Of(StageKind stage, Manifest.Manifest manifest, IReadOnlyList<Experiment> experiments, string code)
    {
        // Each stage's inputs are what its files are made from, so that an option changes only the
        // stages that print it: every stage prints the results of the experiments in order, and the
        // figure options' primary sequence length (the LaTeX macros name their values at it); only
        // the figures draw standard errors; the appendix embeds the figures and the LaTeX numbers.
        // The analysis options (epsilon, slopes, relative_floor) and the inputs reach every stage
        // through the results, which record them.
        var inputs = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["code"] = code,
            ["experiments"] = string.Join(' ', experiments.Select(e => e.Key)),
            ["option sequence_length"] = manifest.Figures.SequenceLength?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "default",
        };
        if (stage != StageKind.Latex)
        {
            inputs["option show_std_error"] = manifest.Figures.ShowStdError ? "true" : "false";
        }

        foreach (var experiment in experiments)
        {
            inputs[$"result {experiment.Key}"] = HashOf(experiment.ResultPath);
        }

        if (stage == StageKind.Appendix)
        {
            // The appendix and the report show the document's text and the commit that last changed
            // each result (or "uncommitted"): a commit changes no file, so without these an appendix
            // written before the results were committed would say "uncommitted" until something else changed.
            var history = GitHistory.Open(manifest.Folder);
            inputs["title"] = manifest.Document.Title;
            inputs["authors"] = string.Join('\n', manifest.Document.Authors);
            inputs["introduction"] = manifest.Document.Introduction;
            foreach (var experiment in experiments)
            {
                inputs[$"commit {experiment.Key}"] = history.CommitOf(experiment.ResultPath);
            }
        }

        return inputs;
    }

    /// <summary>Lower-case hexadecimal SHA-256 of the file's bytes, or <see cref="Missing"/>.</summary>
    public static string HashOf(string path) =>
        File.Exists(path) ? HashOf(File.ReadAllBytes(path)) : Missing;

    /// <summary>Lower-case hexadecimal SHA-256 of bytes about to be written, as <see cref="HashOf(string)"/> will read them back.</summary>
    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
