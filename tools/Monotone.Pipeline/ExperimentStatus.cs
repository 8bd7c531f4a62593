using System.Globalization;
using Monotone.Engine;
using Monotone.Results;

namespace Monotone.Pipeline;

/// <summary>Whether an experiment's committed result still answers its current definition, and if not, exactly why.</summary>
/// <param name="Input">The input's fingerprint; null when the input file is not on this machine.</param>
/// <param name="Result">The result file as read; null when there is none or it is unreadable.</param>
public sealed record ExperimentStatus(Experiment Experiment, Fingerprint? Input, MonotonicityResult? Result, IReadOnlyList<string> Reasons)
{
    public bool Fresh => Reasons.Count == 0;

    /// <summary>
    /// A result whose input is not on this machine (a clone of the paper without its
    /// tensors) is kept as it is: fresh as far as anyone here can tell.
    /// </summary>
    public bool InputAbsent => Input is null && Experiment.Input is FileInput;

    /// <summary>Compares what the experiment is now with what its result file says it was.</summary>
    public static ExperimentStatus Compare(Experiment experiment, Fingerprint? input, MonotonicityResult? result, string? unreadable = null)
    {
        var reasons = new List<string>();
        if (result is null)
        {
            reasons.Add(unreadable is null ? "no result yet" : $"result file unreadable: {unreadable}");
            if (input is null)
            {
                reasons.Add("input missing");
            }

            return new ExperimentStatus(experiment, input, null, reasons);
        }

        if (result.Tool.AnalysisVersion != AnalysisVersion.Current)
        {
            reasons.Add($"analysis version changed: {result.Tool.AnalysisVersion} -> {AnalysisVersion.Current}");
        }

        if (input is not null && input.Value != result.Input.Fingerprint)
        {
            reasons.Add($"input changed: {result.Input.Fingerprint} -> {input.Value}");
        }

        string? tensor = experiment.Input is FileInput file ? file.Tensor : null;
        if (tensor != result.Input.Tensor)
        {
            reasons.Add($"tensor changed: {result.Input.Tensor ?? "(the file's only tensor)"} -> {tensor ?? "(the file's only tensor)"}");
        }

        var options = experiment.Options;
        Changed(reasons, "slopes", result.Options.Slopes, options.Slopes.ToString());
        Changed(reasons, "epsilon", Show(result.Options.Epsilon), Show(options.Epsilon));
        Changed(reasons, "relative_floor", Show(result.Options.RelativeFloor), Show(options.RelativeFloor));
        return new ExperimentStatus(experiment, input, result, reasons);
    }

    private static void Changed(List<string> reasons, string option, string was, string now)
    {
        if (was != now)
        {
            reasons.Add($"option {option} changed: {was} -> {now}");
        }
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
