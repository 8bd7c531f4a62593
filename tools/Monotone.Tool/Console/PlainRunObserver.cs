using System.Globalization;
using Monotone.Engine;
using Monotone.Pipeline;

namespace Monotone.Tool.Console;

/// <summary>One plain line per event: for CI logs, MSBuild and redirected output.</summary>
internal sealed class PlainRunObserver(TextWriter writer) : IRunObserver
{
    private readonly Lock gate = new();

    public void Fresh(ExperimentStatus status) => Line($"{status.Experiment.Key}: fresh{Note(status)}");

    /// <summary>What a user should know about how freshness was decided, if anything.</summary>
    public static string Note(ExperimentStatus status) =>
        status.InputAbsent && status.Fresh ? " (input not on this machine; the committed result is kept)"
        : status.Input?.Origin == FingerprintOrigin.Trusted ? " (input fingerprint trusted from the committed result; verify re-hashes)"
        : "";

    public void Started(ExperimentStatus status, string engine) =>
        Line($"{status.Experiment.Key}: analysing with engine {engine} ({string.Join("; ", status.Reasons)})");

    public void LayerDone(Experiment experiment, LayerProgress progress) =>
        Line($"{experiment.Key}: layer {progress.LayersDone}/{progress.Layers}");

    public void Finished(Experiment experiment, TimeSpan elapsed) =>
        Line($"{experiment.Key}: done in {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");

    public void Waiting(Experiment experiment) =>
        Line($"{experiment.Key}: waiting for another run that holds its lock");

    private void Line(string text)
    {
        lock (gate)
        {
            writer.WriteLine(text);
        }
    }
}
