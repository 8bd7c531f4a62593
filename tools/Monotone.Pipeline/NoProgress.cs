using Monotone.Core;

namespace Monotone.Pipeline;

/// <summary>An observer that shows nothing, for callers that only plan or check.</summary>
internal sealed class NoProgress : IRunObserver
{
    public static NoProgress Instance { get; } = new();

    public void Fresh(ExperimentStatus status)
    {
    }

    public void Started(ExperimentStatus status, string engine)
    {
    }

    public void LayerDone(Experiment experiment, LayerProgress progress)
    {
    }

    public void Finished(Experiment experiment, TimeSpan elapsed)
    {
    }

    public void Waiting(Experiment experiment)
    {
    }

    public void Hashing(Experiment experiment, long hashedBytes, long totalBytes)
    {
    }
}
