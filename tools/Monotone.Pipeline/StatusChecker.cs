using Monotone.Core;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.TensorInput.Synthetic;

namespace Monotone.Pipeline;

/// <summary>
/// Decides, by content, whether each experiment's result is fresh (docs/record.md): it
/// reads and validates the result file, compares its recorded input and options with the
/// manifest, and fingerprints the input through the memo, hashing what this machine has not
/// hashed. It never analyses anything.
/// </summary>
/// <param name="hashing">How input fingerprints are learned; the default hashes what the memo does not know.</param>
/// <param name="hashProgress">Told, once a second after the first, how far the hashing of a slow input is.</param>
public sealed class StatusChecker(Manifest.Manifest manifest, InputHashing hashing = InputHashing.Remembered, Action<Experiment, long, long>? hashProgress = null)
{
    /// <summary>.monotone/ beside the manifest: machine-local state (fingerprint memo, locks), not committed.</summary>
    public static string StateFolder(Manifest.Manifest manifest) => Path.Combine(manifest.Folder, ".monotone");

    public HashMemo Memo { get; } = HashMemo.Open(StateFolder(manifest));

    /// <param name="complete">
    /// Fingerprint the input even when the result is stale for other reasons, so that every
    /// reason is listed (status); a run leaves it to the analysis, which hashes beside it.
    /// </param>
    public ExperimentStatus Status(Experiment experiment, bool complete = true, CancellationToken cancellation = default)
    {
        MonotonicityResult? result = null;
        string? invalid = null;
        if (File.Exists(experiment.ResultPath))
        {
            try
            {
                result = ResultJson.Read(experiment.ResultPath);
            }
            catch (BadInputException e)
            {
                invalid = e.Problem;
            }
        }

        var reasons = ExperimentStatus.Describe(manifest, experiment, result, invalid);
        bool absent = experiment.Input is FileInput file && !Path.Exists(file.Path);
        Fingerprint? input = absent || (reasons.Count > 0 && !complete) ? null : Fingerprint(experiment, result, cancellation);
        if (input is not null && result is not null && input.Value != result.Input.Fingerprint)
        {
            reasons.Add($"input changed: {result.Input.Fingerprint} -> {input.Value}");
        }

        if (absent && reasons.Count > 0)
        {
            reasons.Add("input not on this machine");
        }

        return new ExperimentStatus(experiment, input, absent, result, reasons);
    }

    /// <summary>Hashes the input file now, reporting progress, and remembers the answer under the identity it had before.</summary>
    internal string Hash(Experiment experiment, string path, CancellationToken cancellation)
    {
        var identity = FileIdentity.Of(path);
        string value = FileFingerprint.Compute(path, hashProgress is null ? null : (done, total) => hashProgress(experiment, done, total), cancellation);
        Memo.Remember(path, identity, value);
        return value;
    }

    private Fingerprint Fingerprint(Experiment experiment, MonotonicityResult? result, CancellationToken cancellation)
    {
        if (experiment.Input is SyntheticInput s)
        {
            return new Fingerprint(Synthetic(s).Fingerprint(), FingerprintOrigin.Generated);
        }

        string path = ((FileInput)experiment.Input).Path;
        // A FIFO would block the hash forever, a directory or /proc file would be misread: refuse
        // them in one line before anything opens the path, as analyze does.
        InputFileType.CheckRegular(path);
        if (hashing != InputHashing.Rehash && Memo.Recall(path, FileIdentity.Of(path)) is { } remembered)
        {
            return new Fingerprint(remembered, FingerprintOrigin.Memo);
        }

        if (hashing == InputHashing.TrustRecorded && result is not null && result.Input.Bytes == FileStatus.Of(path, followLinks: true).Size)
        {
            return new Fingerprint(result.Input.Fingerprint, FingerprintOrigin.Trusted);
        }

        return new Fingerprint(Hash(experiment, path, cancellation), FingerprintOrigin.Hashed);
    }

    internal static SyntheticAttention Synthetic(SyntheticInput s) => new(s.ModelId, s.Layers, s.Heads, s.SequenceLength, s.Seed);
}
