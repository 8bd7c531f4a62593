using System.Globalization;
using Monotone.Core;
using Monotone.Pipeline;

namespace Monotone.Tool.Console;

/// <summary>One plain line per event: for CI logs, MSBuild and redirected output.</summary>
internal sealed class PlainRunObserver(TextWriter writer) : IRunObserver
{
    private readonly Lock gate = new();

    public void Fresh(ExperimentStatus status) => Line($"{status.Experiment.Key}: fresh{Note(status)}");

    /// <summary>What a user should know about how freshness was decided, if anything.</summary>
    public static string Note(ExperimentStatus status) => status.Note;

    public void Hashing(Experiment experiment, long hashedBytes, long totalBytes) =>
        Line(string.Create(CultureInfo.InvariantCulture, $"{experiment.Key}: hashing its input, {hashedBytes / 1e9:0.0} of {totalBytes / 1e9:0.0} GB"));

    public void Started(ExperimentStatus status, string engine) =>
        Line($"{status.Experiment.Key}: analysing with engine {engine} ({(status.Reasons.Count > 0 ? string.Join("; ", status.Reasons) : "forced")})");

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
