using Monotone.Results;
using Monotone.TensorInput;
using Monotone.TensorInput.Synthetic;

namespace Monotone.Pipeline;

/// <summary>
/// Decides, by content, whether each experiment's result is fresh: it reads the
/// result file and fingerprints the input (through the memo, trusting a committed
/// fingerprint on a fresh clone). It never analyses anything.
/// </summary>
public sealed class StatusChecker(Manifest.Manifest manifest)
{
    /// <summary>.monotone/ beside the manifest: machine-local state (fingerprint memo, locks), not committed.</summary>
    public static string StateFolder(Manifest.Manifest manifest) => Path.Combine(manifest.Folder, ".monotone");

    public HashMemo Memo { get; } = HashMemo.Open(StateFolder(manifest));

    /// <param name="rehash">Hash every input file now instead of trusting the memo or committed fingerprints.</param>
    public ExperimentStatus Status(Experiment experiment, bool rehash = false)
    {
        MonotonicityResult? result = null;
        string? unreadable = null;
        if (File.Exists(experiment.ResultPath))
        {
            try
            {
                result = ResultJson.Read(experiment.ResultPath);
            }
            catch (BadInputException e)
            {
                unreadable = e.Problem;
            }
        }

        return ExperimentStatus.Compare(experiment, Fingerprint(experiment, result, rehash), result, unreadable);
    }

    private Fingerprint? Fingerprint(Experiment experiment, MonotonicityResult? result, bool rehash)
    {
        switch (experiment.Input)
        {
            case SyntheticInput s:
                return new Fingerprint(Synthetic(s).Fingerprint(), FingerprintOrigin.Generated);
            case FileInput file when File.Exists(file.Path):
                var committed = result is null ? null : new Fingerprint(result.Input.Fingerprint, FingerprintOrigin.Trusted, result.Input.Bytes);
                return rehash ? Memo.Rehash(file.Path) : Memo.Get(file.Path, committed);
            default:
                return null;
        }
    }

    internal static SyntheticAttention Synthetic(SyntheticInput s) => new(s.ModelId, s.Layers, s.Heads, s.SequenceLength, s.Seed);
}
