using System.Text;
using Monotone.Core;
using Monotone.Results;

namespace Monotone.Pipeline;

/// <summary>
/// experiments/results.csv (docs/results-table.md): every experiment's per-layer statistics in one
/// table for pandas or R, one row per model, sequence length, variant and layer, in manifest order
/// (a model's lengths, each length's default variant first, then the named ones; docs/variants.md). It is
/// derived from the result files alone, like each experiment's monotonicity.csv, so it is part of
/// the analysis stage: written after every run, fresh when its bytes equal a render of the results.
/// </summary>
public static class ResultsTable
{
    public const string FileName = "results.csv";

    /// <summary>The columns: the model, its length and variant (<c>default</c> for the study's own options) and its input, then <see cref="ResultCsv.Header"/>'s per-layer statistics.</summary>
    public const string Header = "label,model_id,sequence_length,variant," + ResultCsv.Header + ",input_format,input_fingerprint";

    /// <summary>The reason for a table that is not on disk.</summary>
    public const string Missing = "missing";

    /// <summary>The reason for a table whose bytes differ from a render of the results.</summary>
    public const string Differs = "differs from the results";

    /// <summary>experiments/results.csv beside the manifest.</summary>
    public static string PathOf(Manifest.Manifest manifest) => Path.Combine(ExperimentPlan.ExperimentsFolder(manifest), FileName);

    /// <summary>
    /// The table's bytes for the results on disk (kept results without their input included), or null
    /// while a result is missing or unreadable: a table without some experiments' rows would be partial.
    /// </summary>
    /// <param name="waiting">The experiments (keys) without a valid result, when the answer is null.</param>
    public static byte[]? Render(Manifest.Manifest manifest, out IReadOnlyList<string> waiting)
    {
        var experiments = ExperimentPlan.From(manifest);
        var results = new List<(Experiment Experiment, MonotonicityResult Result)>();
        var missing = new List<string>();
        foreach (var experiment in experiments)
        {
            // As StatusChecker: no regular file (a directory in its place, say) is no result.
            if (!File.Exists(experiment.ResultPath))
            {
                missing.Add(experiment.Key);
                continue;
            }

            try
            {
                results.Add((experiment, ResultJson.Read(experiment.ResultPath)));
            }
            catch (BadInputException)
            {
                missing.Add(experiment.Key);
            }
        }

        waiting = missing;
        if (missing.Count > 0)
        {
            return null;
        }

        var text = new StringBuilder(Header).Append('\n');
        foreach (var (experiment, result) in results)
        {
            string[] model = [Quote(experiment.Label), Quote(experiment.Model.Id), experiment.SequenceLength.ToString(System.Globalization.CultureInfo.InvariantCulture), experiment.Variant];
            string[] input = [Quote(result.Input.Format), Quote(result.Input.Fingerprint)];
            foreach (var layer in result.Layers)
            {
                text.AppendJoin(',', [.. model, .. ResultCsv.Fields(layer), .. input]).Append('\n');
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Whether the table on disk equals a render of the results, and if not, why. Writes nothing.</summary>
    public static IReadOnlyList<string> Status(Manifest.Manifest manifest)
    {
        if (Render(manifest, out var waiting) is not { } bytes)
        {
            return [$"waits for the analysis of {string.Join(", ", waiting)}"];
        }

        string path = PathOf(manifest);
        return !File.Exists(path) ? [Missing]
            : File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes) ? []
            : [Differs];
    }

    /// <summary>
    /// Writes the table atomically when its bytes change, under a lock so that shards finishing
    /// together cannot leave an older render last. Does nothing while a result is missing.
    /// </summary>
    /// <returns>Whether the file was written.</returns>
    public static bool Update(Manifest.Manifest manifest, CancellationToken cancellation)
    {
        string lockFile = Path.Combine(StatusChecker.StateFolder(manifest), "locks", FileName + ".lock");
        using var held = ExperimentLock.Acquire(lockFile, () => { }, cancellation);
        return Render(manifest, out _) is { } bytes && AtomicFile.WriteIfChanged(PathOf(manifest), bytes);
    }

    // RFC 4180, which pandas and R's read.csv read: a label or model id may hold a comma or a quote.
    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
