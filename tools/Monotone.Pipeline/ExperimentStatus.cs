using System.Globalization;
using Monotone.Core;
using Monotone.Results;

namespace Monotone.Pipeline;

/// <summary>
/// Whether an experiment's committed result still answers its current definition, and if
/// not, exactly why (docs/record.md: what fresh means).
/// </summary>
/// <param name="Input">The input's fingerprint; null when the input file is not on this machine, or was not hashed because the result is stale anyway.</param>
/// <param name="InputAbsent">The experiment reads a file that is not on this machine.</param>
/// <param name="Result">The result file as read and validated; null when there is none or it is invalid.</param>
/// <param name="Reasons">Why the result is stale; empty when it is fresh or kept.</param>
public sealed record ExperimentStatus(Experiment Experiment, Fingerprint? Input, bool InputAbsent, MonotonicityResult? Result, IReadOnlyList<string> Reasons)
{
    /// <summary>Nothing to analyse: the result answers the definition, or is <see cref="Kept"/>.</summary>
    public bool Fresh => Reasons.Count == 0;

    /// <summary>
    /// A valid result whose input is not on this machine (a clone of the paper without its
    /// tensors; CI): it is kept, but never silently: status marks it, run warns, verify counts it.
    /// </summary>
    public bool Kept => Fresh && InputAbsent;

    /// <summary>
    /// Why the experiment's monotonicity.csv is not what its valid result renders (missing, damaged,
    /// edited); null when it is, or when there is no valid result to render. The CSV is derived from
    /// the JSON, so this does not make the result stale: `run` writes the CSV again without analysis.
    /// </summary>
    public string? CsvReason { get; } = CsvReasonOf(Experiment, Result);

    /// <summary>Nothing to do at all: <see cref="Fresh"/>, and the CSV is what the result renders.</summary>
    public bool UpToDate => Fresh && CsvReason is null;

    /// <summary>Every reason to run, the result's and then the CSV's; empty when <see cref="UpToDate"/>.</summary>
    public IReadOnlyList<string> AllReasons => CsvReason is null ? Reasons : [.. Reasons, CsvReason];

    /// <summary>What a user should know about how freshness was decided, if anything; empty otherwise.</summary>
    public string Note =>
        Kept ? $" (input not on this machine; the committed result ({RecordedInput.SourceOf(Result!.Input.Format)}, {Result.Input.Fingerprint}) is kept)"
        : Input?.Origin == FingerprintOrigin.Trusted ? " (input not hashed: --skip-hashing trusted the committed fingerprint; verify re-hashes)"
        : "";

    /// <summary>The canonical MSBuild warning for a kept result, at the model's entry in the manifest.</summary>
    public string KeptWarning(Manifest.Manifest manifest) =>
        $"{manifest.DisplayPath}({Experiment.Model.Location.Line},{Experiment.Model.Location.Column}): warning {DiagnosticCodes.Record.KeptResult}: {Experiment.Key}: input not on this machine; the committed result ({RecordedInput.SourceOf(Result!.Input.Format)}, {Result.Input.Fingerprint}) is kept";

    /// <summary>The reasons that need no fingerprint: the result itself, the analysis version, the input's description, the options.</summary>
    internal static List<string> Describe(Manifest.Manifest manifest, Experiment experiment, MonotonicityResult? result, string? invalid)
    {
        var reasons = new List<string>();
        if (result is null)
        {
            reasons.Add(invalid is null ? "no result yet" : $"unreadable: {invalid}");
            return reasons;
        }

        if (result.Tool.AnalysisVersion != AnalysisVersion.Current)
        {
            reasons.Add($"analysis version changed: {result.Tool.AnalysisVersion} -> {AnalysisVersion.Current}");
        }

        Changed(reasons, "input source", RecordedInput.SourceOf(result.Input.Format), RecordedInput.SourceOf(experiment));
        Changed(reasons, "input path", result.Input.Path, RecordedInput.PathOf(manifest, experiment));
        string? tensor = experiment.Input is FileInput file ? file.Tensor : null;
        Changed(reasons, "tensor", result.Input.Tensor ?? "(the file's only tensor)", tensor ?? "(the file's only tensor)");

        // The shape the manifest declares (optional for files) is checked against the tensor by every
        // analysis; a declaration changed after the result was made must not leave it "fresh".
        var shape = result.Input.Shape;
        Changed(reasons, "sequence length", Show(shape[2]), Show(experiment.SequenceLength));
        if (experiment.Model.Layers is { } layers)
        {
            Changed(reasons, "layers", Show(shape[0]), Show(layers));
        }

        if (experiment.Model.Heads is { } declaredHeads)
        {
            Changed(reasons, "heads", Show(shape[1]), Show(declaredHeads));
        }

        var options = experiment.Options;
        Changed(reasons, "option slopes", result.Options.Slopes, options.Slopes.ToString());
        Changed(reasons, "option epsilon", Show(result.Options.Epsilon), Show(options.Epsilon));
        Changed(reasons, "option relative_floor", Show(result.Options.RelativeFloor), Show(options.RelativeFloor));

        // The values are what the engine used; a file whose values contradict its slope set was edited.
        int heads = (int)result.Input.Shape[1];
        double[]? slopes = options.Slopes.Values is { } list && list.Count != heads ? null : options.Slopes.For(heads);
        if (slopes is null || !result.Options.SlopeValues.SequenceEqual(slopes))
        {
            reasons.Add($"option slope_values differ from what slopes {options.Slopes} gives for {heads} heads");
        }

        return reasons;
    }

    private static string? CsvReasonOf(Experiment experiment, MonotonicityResult? result)
    {
        if (result is null)
        {
            return null;
        }

        // As the result: no regular file there (a directory in its place, say) is no CSV.
        return !File.Exists(experiment.CsvPath) ? $"{ResultCsv.FileName} missing"
            : File.ReadAllBytes(experiment.CsvPath).AsSpan().SequenceEqual(ResultCsv.ToBytes(result)) ? null
            : $"{ResultCsv.FileName} differs from {ResultJson.FileName} (damaged or edited; run writes it again without analysis)";
    }

    private static void Changed(List<string> reasons, string what, string was, string now)
    {
        if (was != now)
        {
            reasons.Add($"{what} changed: {was} -> {now}");
        }
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);
}
