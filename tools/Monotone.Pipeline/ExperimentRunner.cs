using System.Diagnostics;
using Monotone.Engine;
using Monotone.Manifest;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.TensorInput.Synthetic;

namespace Monotone.Pipeline;

/// <summary>
/// Decides what is stale and analyses it. Results are keyed by the input's content
/// fingerprint, the experiment's own resolved options and the analysis version, all
/// recorded inside the result file itself; engines are exact, so the engine is not
/// part of the key.
/// </summary>
public sealed class ExperimentRunner(Manifest.Manifest manifest, Func<string?, IMonotonicityEngine> engines, IRunObserver observer)
{
    private readonly HashMemo memo = HashMemo.Open(StateFolder(manifest));

    /// <summary>.monotone/ beside the manifest: machine-local state (fingerprint memo, locks), not committed.</summary>
    public static string StateFolder(Manifest.Manifest manifest) => Path.Combine(manifest.Folder, ".monotone");

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

    /// <summary>The input's content fingerprint, from the memo or a committed result where it can; null when missing.</summary>
    public Fingerprint? InputFingerprint(Experiment experiment) => Status(experiment).Input;

    private Fingerprint? Fingerprint(Experiment experiment, MonotonicityResult? result, bool rehash)
    {
        switch (experiment.Input)
        {
            case SyntheticInput s:
                return new Fingerprint(Synthetic(s).Fingerprint(), FingerprintOrigin.Generated);
            case FileInput file when File.Exists(file.Path):
                var committed = result is null ? null : new Fingerprint(result.Input.Fingerprint, FingerprintOrigin.Trusted, result.Input.Bytes);
                return rehash ? memo.Rehash(file.Path) : memo.Get(file.Path, committed);
            default:
                return null;
        }
    }

    /// <summary>Analyses every stale experiment (all of them with <paramref name="force"/>).</summary>
    /// <returns>The experiments that were analysed.</returns>
    public IReadOnlyList<Experiment> Run(IReadOnlyList<Experiment> experiments, int jobs, bool force, CancellationToken cancellation)
    {
        foreach (var experiment in experiments)
        {
            if (experiment.Input is FileInput file && !File.Exists(file.Path))
            {
                throw new ManifestException(manifest.DisplayPath, experiment.Model.Location, ManifestErrorCodes.MissingInput, $"{experiment.Key}: input not found: {file.Path}");
            }
        }

        var analysed = new List<Experiment>();
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        try
        {
            Parallel.ForEach(
                experiments,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = failed.Token },
                experiment =>
                {
                    try
                    {
                        if (RunOne(experiment, force, failed.Token))
                        {
                            lock (analysed)
                            {
                                analysed.Add(experiment);
                            }
                        }
                    }
                    catch when (!failed.IsCancellationRequested)
                    {
                        // One bad input stops the run; results already written stay.
                        failed.Cancel();
                        throw;
                    }
                });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        return analysed;
    }

    /// <summary>
    /// Analyses the experiment from its input again, hashing the input anew and
    /// ignoring every cache, without writing anything: what `verify` compares.
    /// </summary>
    public MonotonicityResult Recompute(Experiment experiment, CancellationToken cancellation)
    {
        var input = Fingerprint(experiment, null, rehash: true)
            ?? throw new ManifestException(manifest.DisplayPath, experiment.Model.Location, ManifestErrorCodes.MissingInput, $"{experiment.Key}: input not found: {((FileInput)experiment.Input).Path}");
        return Analyze(experiment, input, engines(experiment.Engine), new Progress(observer, experiment), cancellation);
    }

    private bool RunOne(Experiment experiment, bool force, CancellationToken cancellation)
    {
        string folder = Path.GetDirectoryName(experiment.ResultPath)!;
        string lockFile = Path.Combine(StateFolder(manifest), "locks", $"{experiment.Label}.{experiment.SequenceLength}.lock");
        using var held = ExperimentLock.Acquire(lockFile, () => observer.Waiting(experiment), cancellation);

        // Checked under the lock: another shard may have just finished this experiment.
        var status = Status(experiment);
        if (status.Fresh && !force)
        {
            WriteCsvIfMissing(experiment);
            observer.Fresh(status);
            return false;
        }

        RemoveAbandonedTemporaries(folder);
        var engine = engines(experiment.Engine);
        observer.Started(status, engine.Name);
        var clock = Stopwatch.StartNew();
        var progress = new Progress(observer, experiment);
        var result = Analyze(experiment, status.Input!, engine, progress, cancellation);

        // The JSON is the record; the CSV is derived from it, so it goes second.
        AtomicFile.WriteIfChanged(experiment.ResultPath, ResultJson.ToBytes(result));
        AtomicFile.WriteIfChanged(experiment.CsvPath, ResultCsv.ToBytes(result));
        observer.Finished(experiment, clock.Elapsed);
        return true;
    }

    private MonotonicityResult Analyze(Experiment experiment, Fingerprint fingerprint, IMonotonicityEngine engine, IProgress<LayerProgress> progress, CancellationToken cancellation)
    {
        if (experiment.Input is SyntheticInput s)
        {
            var source = Synthetic(s);
            return ResultBuilder.Analyze(source, new InputIdentity(null, fingerprint.Value, source.Bytes), experiment.Options, engine, progress, cancellation);
        }

        var file = (FileInput)experiment.Input;
        using var tensor = AttentionTensor.Open(file.Path, file.Tensor);
        CheckShape(experiment, tensor);
        var result = ResultBuilder.Analyze(
            tensor, new InputIdentity(file.Tensor, fingerprint.Value, new FileInfo(file.Path).Length), experiment.Options, engine, progress, cancellation);

        // A path inside the repository is recorded relative to it, so committed results do not name one machine's folders.
        string relative = Path.GetRelativePath(manifest.Folder, file.Path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? result : result with { Input = result.Input with { Path = relative } };
    }

    private void CheckShape(Experiment experiment, AttentionTensor tensor)
    {
        var model = experiment.Model;
        string? problem =
            tensor.SequenceLength != experiment.SequenceLength ? $"sequence length {tensor.SequenceLength}, not {experiment.SequenceLength}"
            : model.Layers is { } layers && layers != tensor.Layers ? $"{tensor.Layers} layers, but the manifest says {layers}"
            : model.Heads is { } heads && heads != tensor.Heads ? $"{tensor.Heads} heads, but the manifest says {heads}"
            : null;
        if (problem is not null)
        {
            throw new ManifestException(manifest.DisplayPath, model.Location, ManifestErrorCodes.BadInput, $"{experiment.Key}: {tensor.Path} has {problem}");
        }
    }

    private static SyntheticAttention Synthetic(SyntheticInput s) => new(s.ModelId, s.Layers, s.Heads, s.SequenceLength, s.Seed);

    private static void WriteCsvIfMissing(Experiment experiment)
    {
        if (!File.Exists(experiment.CsvPath))
        {
            AtomicFile.Write(experiment.CsvPath, ResultCsv.ToBytes(ResultJson.Read(experiment.ResultPath)));
        }
    }

    // Left by a run killed between writing and renaming; this run holds the lock, so no writer owns them.
    private static void RemoveAbandonedTemporaries(string folder)
    {
        if (Directory.Exists(folder))
        {
            foreach (string file in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                File.Delete(file);
            }
        }
    }

    private sealed class Progress(IRunObserver observer, Experiment experiment) : IProgress<LayerProgress>
    {
        public void Report(LayerProgress value) => observer.LayerDone(experiment, value);
    }
}
