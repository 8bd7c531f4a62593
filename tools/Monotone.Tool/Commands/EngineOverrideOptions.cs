using System.CommandLine;
using Monotone.Core;

namespace Monotone.Tool.Commands;

/// <summary>
/// --engine, --device and --jobs for the commands that analyse a manifest's experiments
/// (<c>run</c>, <c>verify</c>): the engine that replaces the manifest's choice, where the torch
/// engines run, and how many experiments run at once.
/// </summary>
/// <param name="engineDescription">The help text of --engine, before the list of engine names.</param>
/// <param name="jobsDescription">The help text of --jobs.</param>
internal sealed class EngineOverrideOptions(string engineDescription, string jobsDescription)
{
    public Option<EngineKind?> Engine { get; } = SharedOptions.Engine(engineDescription);

    public Option<string> Device { get; } = SharedOptions.Device();

    public Option<int> Jobs { get; } = SharedOptions.Jobs(jobsDescription);

    /// <summary>The engine for each experiment (<see cref="SharedOptions.Engines"/>); each choice the torch engines make is said on <paramref name="say"/>.</summary>
    public Func<string?, IMonotonicityEngine> Engines(ParseResult parse, Action<string> say) =>
        SharedOptions.Engines(parse.GetValue(Engine), parse.GetValue(Device)!, parse.GetValue(Jobs), say);
}
