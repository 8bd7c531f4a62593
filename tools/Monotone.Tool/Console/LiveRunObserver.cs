using System.Collections.Concurrent;
using Monotone.Core;
using Monotone.Pipeline;
using Spectre.Console;

namespace Monotone.Tool.Console;

/// <summary>A live progress bar per experiment on an interactive terminal.</summary>
internal sealed class LiveRunObserver(ProgressContext context) : IRunObserver
{
    private readonly ConcurrentDictionary<string, ProgressTask> tasks = new();

    public static void Run(TextWriter terminal, Action<IRunObserver> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(terminal) });
        if (!console.Profile.Capabilities.Ansi || !console.Profile.Capabilities.Interactive)
        {
            // A terminal that cannot redraw (TERM=dumb, an Emacs shell): Spectre would show the
            // bars only once the run ends, so a long run would look hung. Plain lines as they happen.
            work(new PlainRunObserver(terminal));
            return;
        }

        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new LiveRunObserver(context)));
    }

    public void Fresh(ExperimentStatus status)
    {
        var task = context.AddTask($"{Markup.Escape(status.Experiment.Key)} [grey](fresh)[/]", maxValue: 1);
        task.Value = 1;
    }

    public void Started(ExperimentStatus status, string engine) =>
        tasks[status.Experiment.Key] = context.AddTask($"{Markup.Escape(status.Experiment.Key)} [grey]({Markup.Escape(engine)})[/]", maxValue: 1);

    public void LayerDone(Experiment experiment, LayerProgress progress)
    {
        var task = tasks[experiment.Key];
        task.MaxValue = progress.Layers;
        task.Value = progress.LayersDone;
    }

    public void Finished(Experiment experiment, TimeSpan elapsed) => tasks[experiment.Key].StopTask();

    public void Hashing(Experiment experiment, long hashedBytes, long totalBytes)
    {
        var task = tasks.GetOrAdd($"{experiment.Key} hashing", _ => context.AddTask($"{Markup.Escape(experiment.Key)} [grey](hashing its input)[/]", maxValue: totalBytes));
        task.Value = hashedBytes;
    }

    public void Waiting(Experiment experiment) =>
        context.AddTask($"{Markup.Escape(experiment.Key)} [yellow]waiting for another run[/]", autoStart: false);
}
