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
    private readonly StatusChecker checker = new(manifest);

    /// <summary>Analyses every stale experiment (all of them with <paramref name="force"/>).</summary>
    /// <returns>The experiments that were analysed.</returns>
    public IReadOnlyList<Experiment> Run(IReadOnlyList<Experiment> experiments, int jobs, bool force, CancellationToken cancellation)
    {
        foreach (var experiment in experiments)
        {
            // A clone without the tensors keeps its committed results; only a missing
            // result (or --force) needs the input.
            if (experiment.Input is FileInput file && !File.Exists(file.Path) && (force || !File.Exists(experiment.ResultPath)))
            {
                throw MissingInput(experiment, file);
            }
        }

        var analysed = new List<Experiment>();
        ParallelWork.ForEach(
            experiments,
            jobs,
            cancellation,
            (experiment, token) =>
            {
                if (RunOne(experiment, force, token))
                {
                    lock (analysed)
                    {
                        analysed.Add(experiment);
                    }
                }
            });
        return analysed;
    }

    /// <summary>
    /// Analyses the experiment from its input again, hashing the input anew and
    /// ignoring every cache, without writing anything: what `verify` compares.
    /// </summary>
    public MonotonicityResult Recompute(Experiment experiment, CancellationToken cancellation)
    {
        if (experiment.Input is FileInput file && !File.Exists(file.Path))
        {
            throw MissingInput(experiment, file);
        }

        return Analyze(experiment, known: null, engines(experiment.Engine), new Progress(observer, experiment), cancellation);
    }

    private ManifestException MissingInput(Experiment experiment, FileInput file) =>
        new(manifest.DisplayPath, experiment.Model.Location, ManifestErrorCodes.MissingInput, $"{experiment.Key}: input not found: {file.Path}");

    private bool RunOne(Experiment experiment, bool force, CancellationToken cancellation)
    {
        string folder = Path.GetDirectoryName(experiment.ResultPath)!;
        string lockFile = Path.Combine(StatusChecker.StateFolder(manifest), "locks", $"{experiment.Label}.{experiment.SequenceLength}.lock");
        using var held = ExperimentLock.Acquire(lockFile, () => observer.Waiting(experiment), cancellation);

        // Checked under the lock: another shard may have just finished this experiment.
        var status = checker.Status(experiment);
        if (status.Fresh && !force)
        {
            // The CSV is derived from the JSON; a run killed between the two writes leaves it behind.
            AtomicFile.WriteIfChanged(experiment.CsvPath, ResultCsv.ToBytes(status.Result!));
            observer.Fresh(status);
            return false;
        }

        if (status.InputAbsent)
        {
            throw MissingInput(experiment, (FileInput)experiment.Input);
        }

        RemoveAbandonedTemporaries(folder);
        var engine = engines(experiment.Engine);
        observer.Started(status, engine.Name);
        var clock = Stopwatch.StartNew();

        // A fingerprint trusted from a committed result was never hashed on this machine:
        // a new result must record the hash of the bytes it was computed from.
        var known = status.Input is { Origin: not FingerprintOrigin.Trusted } input ? input.Value : null;
        var result = Analyze(experiment, known, engine, new Progress(observer, experiment), cancellation);

        // The JSON is the record; the CSV is derived from it, so it goes second.
        AtomicFile.WriteIfChanged(experiment.ResultPath, ResultJson.ToBytes(result));
        AtomicFile.WriteIfChanged(experiment.CsvPath, ResultCsv.ToBytes(result));
        observer.Finished(experiment, clock.Elapsed);
        return true;
    }

    /// <param name="known">The input's fingerprint when it is known; otherwise it is hashed beside the analysis.</param>
    private MonotonicityResult Analyze(Experiment experiment, string? known, IMonotonicityEngine engine, IProgress<LayerProgress> progress, CancellationToken cancellation)
    {
        if (experiment.Input is SyntheticInput s)
        {
            var source = StatusChecker.Synthetic(s);
            MemoryRequirement.Check(source, engine);
            return ResultBuilder.Analyze(source, new InputIdentity(null, source.Fingerprint(), source.Bytes), experiment.Options, engine, progress, cancellation);
        }

        var file = (FileInput)experiment.Input;
        var result = ResultBuilder.AnalyzeFile(file.Path, file.Tensor, experiment.Options, engine, known, progress, cancellation, tensor => { CheckShape(experiment, tensor); MemoryRequirement.Check(tensor, engine); });
        if (known is null)
        {
            checker.Memo.Remember(file.Path, result.Input.Fingerprint);
        }

        return result with { Input = result.Input with { Path = RecordedPath(experiment, file) } };
    }

    // Committed results must not name one machine's folders: a path inside the
    // repository is recorded relative to it, one under the data root as {root}/...
    private string RecordedPath(Experiment experiment, FileInput file)
    {
        string inside = Path.GetRelativePath(manifest.Folder, file.Path);
        if (!inside.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inside))
        {
            return inside;
        }

        string root = experiment.Model.Settings.Root;
        string underRoot = root.Length > 0 ? Path.GetRelativePath(Path.GetFullPath(root, manifest.Folder), file.Path) : "..";
        return underRoot.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(underRoot) ? file.Path : $"{{root}}/{underRoot}";
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
