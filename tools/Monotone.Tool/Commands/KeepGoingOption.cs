using System.CommandLine;
using Monotone.Core;
using Monotone.Pipeline;
using Monotone.Tool.Console;

namespace Monotone.Tool.Commands;

/// <summary>--keep-going for <c>run</c> and <c>repro</c> (Snakemake's and DVC's flag), and the failures it went past.</summary>
internal sealed class KeepGoingOption
{
    public Option<bool> Option { get; } = SharedOptions.Flag(
        "--keep-going",
        "Go on past an experiment that fails (missing input, bad tensor) and analyse the others; end with a summary and exit 2",
        "-k");

    /// <summary>
    /// Each failure as the line it would have been alone, then one summary line (MONO063).
    /// </summary>
    /// <returns>Success when nothing failed; otherwise the exit code of the first failure.</returns>
    public static ExitCode Report(ToolConsole console, RunSummary summary, int experiments)
    {
        if (summary.Failed.Count == 0)
        {
            return ExitCode.Success;
        }

        var codes = summary.Failed.Select(f => FailureReport.Write(console, f.Failure)).ToList();
        console.WriteError(
            ToolConsole.Origin,
            DiagnosticCodes.Record.ExperimentsFailed,
            $"{summary.Failed.Count} of {experiments} experiments failed ({string.Join(", ", summary.Failed.Select(f => f.Experiment.Key))}); {summary.Analysed.Count} analysed (--keep-going)");
        return codes[0];
    }
}
