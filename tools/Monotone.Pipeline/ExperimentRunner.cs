using System.Diagnostics;
using Monotone.Core;
using Monotone.Engine;
using Monotone.Manifest;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.TensorInput.Synthetic;

namespace Monotone.Pipeline;

/// <summary>
/// Decides what is stale and analyses it. Results are keyed by the input's content
/// fingerprint, its description, the experiment's own resolved options and the analysis
/// version, all recorded inside the result file itself (docs/record.md); engines agree
/// within the 1e-9 bar, so the engine is not part of the key.
/// </summary>
/// <param name="hashing">How input fingerprints are learned (<see cref="InputHashing"/>).</param>
public sealed class ExperimentRunner(Manifest.Manifest manifest, Func<string?, IMonotonicityEngine> engines, IRunObserver observer, InputHashing hashing = InputHashing.Remembered)
{
    private readonly StatusChecker checker = new(manifest, hashing, observer.Hashing);

    /// <summary>Analyses every stale experiment (all of them with <paramref name="force"/>).</summary>
    /// <param name="keepGoing">
    /// Go past an experiment that fails on its input (missing, MONO007; a bad tensor; a shape the
    /// manifest contradicts) and analyse the others; the failures are in the summary. Without it the
    /// first such failure is thrown and nothing else starts.
    /// </param>
    /// <returns>The experiments analysed, the results kept without their input, and the failures, in manifest order.</returns>
    /// <exception cref="ManifestException">An experiment must be analysed and its input is not on this machine (without <paramref name="keepGoing"/>).</exception>
    public RunSummary Run(IReadOnlyList<Experiment> experiments, int jobs, bool force, CancellationToken cancellation, bool keepGoing = false)
    {
        var outcomes = new Outcome[experiments.Count];
        for (int i = 0; i < experiments.Count; i++)
        {
            // A clone without the tensors keeps its committed results; only a missing
            // result (or --force) needs the input.
            var experiment = experiments[i];
            if (experiment.Input is FileInput file && !Path.Exists(file.Path) && (force || !File.Exists(experiment.ResultPath)))
            {
                outcomes[i] = new Outcome(null, MissingInput(experiment, file));
                if (!keepGoing)
                {
                    throw outcomes[i].Failure!;
                }
            }
        }

        var index = experiments.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i);
        var pending = experiments.Where((_, i) => outcomes[i] is null).ToList();
        ParallelWork.ForEach(pending, jobs, cancellation, (experiment, token) =>
        {
            try
            {
                outcomes[index[experiment]] = new Outcome(RunOne(experiment, force, token), null);
            }
            catch (Exception e) when (keepGoing && e is ManifestException or BadInputException)
            {
                outcomes[index[experiment]] = new Outcome(null, e);
            }
        });

        // The table across experiments is derived from the results, as each experiment's CSV is: kept
        // current after every run, also one that analysed nothing (a deleted or hand-edited table).
        bool tableWritten = ResultsTable.Update(manifest, cancellation);
        return new RunSummary(
            [.. experiments.Where((_, i) => outcomes[i] is { Status: null, Failure: null })],
            [.. outcomes.Select(o => o.Status).OfType<ExperimentStatus>().Where(s => s.Kept)],
            [.. experiments.Select((e, i) => (e, outcomes[i].Failure)).Where(p => p.Failure is not null).Select(p => new ExperimentFailure(p.e, p.Failure!))])
        {
            TableWritten = tableWritten,
        };
    }

    /// <param name="Status">The status of an experiment left as it is; null when it was analysed or failed.</param>
    private sealed record Outcome(ExperimentStatus? Status, Exception? Failure);

    /// <summary>
    /// Analyses the experiment from its input again, hashing the input anew and
    /// ignoring every cache, without writing anything: what `verify` compares.
    /// </summary>
    public MonotonicityResult Recompute(Experiment experiment, CancellationToken cancellation)
    {
        if (experiment.Input is FileInput file && !Path.Exists(file.Path))
        {
            throw MissingInput(experiment, file);
        }

        return Analyze(experiment, known: null, engines(experiment.Engine), new Progress(observer, experiment), cancellation);
    }

    private ManifestException MissingInput(Experiment experiment, FileInput file, IReadOnlyList<string>? reasons = null) =>
        new(
            manifest.DisplayPath,
            experiment.Model.Location,
            DiagnosticCodes.Manifest.MissingInput,
            $"{experiment.Key}: input not found: {file.Path}{(reasons is null ? "" : $"; its result must be analysed again ({string.Join("; ", reasons.Where(r => r != "input not on this machine"))})")}");

    /// <returns>The status of an experiment left as it is (fresh or kept); null when it was analysed.</returns>
    private ExperimentStatus? RunOne(Experiment experiment, bool force, CancellationToken cancellation)
    {
        string lockFile = Path.Combine(StatusChecker.StateFolder(manifest), "locks", $"{experiment.Label}.{experiment.SequenceLength}.lock");
        using var held = ExperimentLock.Acquire(lockFile, () => observer.Waiting(experiment), cancellation);

        // Checked under the lock: another shard may have just finished this experiment.
        // A result that is stale anyway is not fingerprinted first: the analysis hashes its input beside it.
        var status = checker.Status(experiment, complete: false, cancellation);
        if (status.Fresh && !force)
        {
            // The CSV is derived from the JSON; a run killed between the two writes leaves it behind.
            AtomicFile.WriteIfChanged(experiment.CsvPath, ResultCsv.ToBytes(status.Result!));
            observer.Fresh(status);
            return status;
        }

        if (status.InputAbsent)
        {
            throw MissingInput(experiment, (FileInput)experiment.Input, status.Reasons);
        }

        // A forced run that rewrites nothing must still clear a killed run's debris.
        AtomicFile.RemoveDebris(Path.GetDirectoryName(experiment.ResultPath)!);
        var engine = engines(experiment.Engine);
        observer.Started(status, engine.Name);
        var clock = Stopwatch.StartNew();

        // A fingerprint trusted from a committed result (--skip-hashing) was never hashed on this
        // machine: a new result must record the hash of the bytes it was computed from.
        var known = status.Input is { Origin: FingerprintOrigin.Hashed or FingerprintOrigin.Memo } input ? input.Value : null;
        var result = Analyze(experiment, known, engine, new Progress(observer, experiment), cancellation);

        // The JSON is the record; the CSV is derived from it, so it goes second.
        AtomicFile.WriteIfChanged(experiment.ResultPath, ResultJson.ToBytes(result));
        AtomicFile.WriteIfChanged(experiment.CsvPath, ResultCsv.ToBytes(result));
        observer.Finished(experiment, clock.Elapsed);
        return null;
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
        var result = ResultBuilder.AnalyzeFile(
            file.Path,
            file.Tensor,
            experiment.Options,
            engine,
            known,
            progress,
            tensor => { CheckShape(experiment, tensor); MemoryRequirement.Check(tensor, engine); },
            path => checker.Hash(experiment, path, cancellation),
            cancellation);
        return result with { Input = result.Input with { Path = RecordedInput.PathOf(manifest, experiment) } };
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
            throw new ManifestException(manifest.DisplayPath, model.Location, DiagnosticCodes.Manifest.BadInput, $"{experiment.Key}: {tensor.Path} has {problem}");
        }
    }

    private sealed class Progress(IRunObserver observer, Experiment experiment) : IProgress<LayerProgress>
    {
        public void Report(LayerProgress value) => observer.LayerDone(experiment, value);
    }
}
