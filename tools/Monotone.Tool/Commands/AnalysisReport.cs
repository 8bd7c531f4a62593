using Monotone.Pipeline;
using Monotone.Tool.Console;

namespace Monotone.Tool.Commands;

/// <summary>What <c>run</c> and <c>repro</c> print on standard error around an analysis: its progress and the results it kept.</summary>
internal static class AnalysisReport
{
    /// <summary>
    /// Runs <paramref name="work"/> with a live bar per experiment when standard error is an interactive
    /// terminal and <paramref name="live"/> holds, otherwise with one plain line per event.
    /// </summary>
    /// <param name="live">False where nothing is analysed (a dry run, only paper stages), so there is no bar to draw.</param>
    public static void Progress(ToolConsole console, Action<IRunObserver> work, bool live = true)
    {
        if (live && console.Interactive)
        {
            LiveRunObserver.Run(console.Error, work);
        }
        else
        {
            work(new PlainRunObserver(console.Error));
        }
    }

    /// <summary>
    /// One canonical warning line per result kept without its input: MSBuild's Exec turns each into a
    /// build warning, so a kept result is said on every build.
    /// </summary>
    public static void KeptWarnings(ToolConsole console, RunSummary summary, Monotone.Manifest.Manifest manifest)
    {
        foreach (var kept in summary.Kept)
        {
            console.Error.WriteLine(kept.KeptWarning(manifest));
        }
    }
}
