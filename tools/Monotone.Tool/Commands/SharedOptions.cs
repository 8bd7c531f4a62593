using System.CommandLine;

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
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--jobs must be at least 1");
            }
        });
        return jobs;
    }

    /// <summary>--engine NAME, overriding the manifest's choice for every experiment.</summary>
    public static Option<string?> Engine(string description)
    {
        var engine = new Option<string?>("--engine") { Description = $"{description}: {string.Join(", ", EngineCatalog.Names)}" };
        engine.AcceptOnlyFromAmong([.. EngineCatalog.Names]);
        return engine;
    }
}
