using System.CommandLine;
using Monotone.Core;
using Monotone.Engine;

namespace Monotone.Tool.Commands;

/// <summary>Options that several commands take, each defined here once.</summary>
internal static class SharedOptions
{
    /// <summary>--jobs N (at least 1): experiments at once, on the commands that work through a manifest.</summary>
    public static Option<int> Jobs(string description)
    {
        var jobs = new Option<int>("--jobs", "-j") { Description = description, DefaultValueFactory = _ => 1 };
        jobs.Validators.Add(r =>
        {
            if (AnalysisOptionSet.TryValue(r, out int jobs) && jobs < 1)
            {
                r.AddError("--jobs must be at least 1");
            }
        });
        return jobs;
    }

    /// <summary>--device for the torch engines (auto, cpu, cuda, cuda:N).</summary>
    public static Option<string> Device()
    {
        var device = new Option<string>("--device")
        {
            Description = "Where the torch and auto engines run: auto (a GPU when libtorch sees one), cpu, cuda or cuda:N",
            DefaultValueFactory = _ => EngineCatalog.AutomaticDevice,
        };
        device.Validators.Add(r =>
        {
            string value = r.GetValueOrDefault<string>() ?? "";
            if (value != EngineCatalog.AutomaticDevice && !EngineCatalog.IsTorchDevice(value))
            {
                r.AddError($"--device must be auto, cpu, cuda or cuda:N, not '{value}'");
            }
        });
        device.CompletionSources.Add(EngineCatalog.AutomaticDevice, "cpu", "cuda");
        return device;
    }

    /// <summary>
    /// The engine for each experiment: the override if given, else the manifest's,
    /// else the default; each choice the torch engines make is said on <paramref name="say"/>.
    /// </summary>
    /// <param name="experimentsAtOnce">How many experiments run side by side; they share the processors.</param>
    public static Func<string?, IMonotonicityEngine> Engines(EngineKind? engineOverride, string device, int experimentsAtOnce, Action<string> say) => manifestEngine =>
    {
        int layersAtOnce = experimentsAtOnce > 1 ? Math.Max(1, Environment.ProcessorCount / experimentsAtOnce) : 0;

        // The manifest reader has refused every name that is not in EngineKinds.Names.
        var kind = engineOverride ?? (EngineKinds.TryParse(manifestEngine, out var named) ? named : EngineCatalog.Default);
        var (engine, choice) = EngineCatalog.Open(kind, device, null, layersAtOnce);
        if (choice is not null)
        {
            say($"monotone: {choice}");
        }

        return engine;
    };

    /// <summary>--engine NAME; null when not given (the manifest's choice, or <see cref="EngineCatalog.Default"/>).</summary>
    /// <param name="description">The help text, before the list of names.</param>
    public static Option<EngineKind?> Engine(string description) => ChoiceOption.Create<EngineKind?>(
        "--engine",
        $"{description}: {string.Join(", ", EngineKinds.Names)} (auto: torch on a CUDA GPU, otherwise {EngineCatalog.Managed.Name()})",
        EngineKinds.Names,
        (string text, out EngineKind? value, out string? problem) =>
        {
            bool known = EngineKinds.TryParse(text, out var kind);
            value = known ? kind : null;
            problem = null;
            return known;
        });

    /// <summary>
    /// The explicit opt-in to skip hashing inputs this machine has not hashed (docs/record.md);
    /// status names it on every line it affects.
    /// </summary>
    public static Option<bool> SkipHashing() => Flag(
        "--skip-hashing",
        "Do not hash inputs this machine has not hashed: trust the fingerprint in each committed result when the file's size matches (read-only data in a job array). Off by default: a tensor's size is fixed by its shape");

    /// <summary>A finite number &gt;= 0 with a default, for thresholds and tolerances (<see cref="AnalysisOptionSet.RequireNonNegative"/>).</summary>
    public static Option<double> NonNegative(string name, string description, double defaultValue)
    {
        var option = new Option<double>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result => AnalysisOptionSet.RequireNonNegative(result, name));
        return option;
    }

    /// <summary>
    /// An option that takes several values, after one flag (<c>--only a b</c>) or with the flag
    /// repeated (<c>--only a --only b</c>).
    /// </summary>
    public static Option<T[]> Several<T>(string name, string description) =>
        new(name) { Description = description, AllowMultipleArgumentsPerToken = true };

    /// <summary>--json: the command's outcome as one JSON document on standard output instead of text; docs/json.md describes each command's document.</summary>
    public static Option<bool> Json(string what) => Flag("--json", $"Write {what} as JSON on standard output (docs/json.md)");

    /// <summary>An on/off option, false when absent: the one way the commands declare a flag.</summary>
    /// <param name="name">The long name, e.g. <c>--json</c>.</param>
    /// <param name="description">The help text.</param>
    /// <param name="alias">A short alias such as <c>-n</c>, or null.</param>
    public static Option<bool> Flag(string name, string description, string? alias = null) =>
        new(name, alias is null ? [] : [alias]) { Description = description };
}
