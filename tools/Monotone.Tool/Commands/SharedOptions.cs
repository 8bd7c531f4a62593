using System.CommandLine;
using Monotone.Core;

namespace Monotone.Tool.Commands;

/// <summary>Options that several manifest commands take, defined once.</summary>
internal static class SharedOptions
{
    /// <summary>--jobs N (at least 1).</summary>
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
            if (value != EngineCatalog.AutomaticDevice && !Monotone.Engine.Torch.TorchDevice.TryParse(value, out _))
            {
                r.AddError($"--device must be auto, cpu, cuda or cuda:N, not '{value}'");
            }
        });
        return device;
    }

    /// <summary>
    /// The engine for each experiment: the override if given, else the manifest's,
    /// else the default; each choice the torch engines make is said on <paramref name="say"/>.
    /// </summary>
    /// <param name="experimentsAtOnce">How many experiments run side by side; they share the processors.</param>
    public static Func<string?, IMonotonicityEngine> Engines(string? engineOverride, string device, int experimentsAtOnce, Action<string> say) => name =>
    {
        int layersAtOnce = experimentsAtOnce > 1 ? Math.Max(1, Environment.ProcessorCount / experimentsAtOnce) : 0;
        var (engine, choice) = EngineCatalog.Open(engineOverride ?? name ?? EngineCatalog.Default, device, null, layersAtOnce);
        if (choice is not null)
        {
            say($"monotone: {choice}");
        }

        return engine;
    };

    /// <summary>--engine NAME, overriding the manifest's choice for every experiment.</summary>
    public static Option<string?> Engine(string description)
    {
        var engine = new Option<string?>("--engine") { Description = $"{description}: {string.Join(", ", EngineCatalog.Names)}" };
        engine.AcceptOnlyFromAmong([.. EngineCatalog.Names]);
        return engine;
    }

    /// <summary>
    /// The explicit opt-in to skip hashing inputs this machine has not hashed (docs/record.md);
    /// status names it on every line it affects.
    /// </summary>
    public static Option<bool> SkipHashing() => new("--skip-hashing")
    {
        Description = "Do not hash inputs this machine has not hashed: trust the fingerprint in each committed result when the file's size matches (read-only data in a job array). Off by default: a tensor's size is fixed by its shape",
    };
}
