using System.CommandLine;
using Monotone.Core;

namespace Monotone.Tool.Commands;

/// <summary>
/// --engine, --device and --jobs for the commands that analyse a manifest's experiments
/// (<c>run</c>, <c>repro</c>, <c>verify</c>): the engine that replaces the manifest's choice, where the torch
/// engines run, and how many experiments run at once.
/// </summary>
/// <param name="engineDescription">The help text of --engine, before the list of engine names.</param>
/// <param name="jobsDescription">The help text of --jobs.</param>
internal sealed class EngineOverrideOptions(string engineDescription, string jobsDescription)
{
    /// <summary>The options as <c>run</c> and <c>repro</c> word them (they analyse stale experiments).</summary>
    public static EngineOverrideOptions ForAnalysis() => new(
        "Use this engine for every experiment, whatever the manifest says",
        "How many experiments to analyse at once");

    public Option<EngineKind?> Engine { get; } = SharedOptions.Engine(engineDescription);

    public Option<string> Device { get; } = SharedOptions.Device();

    public Option<int> Jobs { get; } = SharedOptions.Jobs(jobsDescription);

    /// <summary>The engine for each experiment (<see cref="SharedOptions.Engines"/>); each choice the torch engines make is said on <paramref name="say"/>.</summary>
    public Func<string?, IMonotonicityEngine> Engines(ParseResult parse, Action<string> say) =>
        SharedOptions.Engines(parse.GetValue(Engine), parse.GetValue(Device)!, parse.GetValue(Jobs), say);
}
