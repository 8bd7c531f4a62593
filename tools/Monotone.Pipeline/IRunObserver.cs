using Monotone.Core;

namespace Monotone.Pipeline;

/// <summary>What a run reports while it works; the tool shows it live or as plain lines.</summary>
public interface IRunObserver
{
    void Fresh(ExperimentStatus status);

    void Started(ExperimentStatus status, string engine);

    void LayerDone(Experiment experiment, LayerProgress progress);

    void Finished(Experiment experiment, TimeSpan elapsed);

    /// <summary>Another process holds the experiment's lock; this run waits for it.</summary>
    void Waiting(Experiment experiment);

    /// <summary>Hashing the experiment's input has taken over a second: <paramref name="hashedBytes"/> of <paramref name="totalBytes"/> so far.</summary>
    void Hashing(Experiment experiment, long hashedBytes, long totalBytes);
}
