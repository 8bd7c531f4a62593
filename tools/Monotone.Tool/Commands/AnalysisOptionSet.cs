using System.CommandLine;
using System.Globalization;
using Monotone.Core;

namespace Monotone.Tool.Commands;

/// <summary>The analysis options shared by the commands that compute statistics.</summary>
internal sealed class AnalysisOptionSet
{
    public Option<SlopeSpec> Slopes { get; } = CreateSlopes();

    public Option<double> Epsilon { get; } = SharedOptions.NonNegative(
        "--epsilon", "A pair violates monotonicity when C[i,k] - C[j,k] < -epsilon", AnalysisOptions.NotebookEpsilon);

    public Option<double> RelativeFloor { get; } = SharedOptions.NonNegative(
        "--relative-floor", "Added to the relative error's denominator: |d| / (max + floor)", AnalysisOptions.NotebookRelativeFloor);

    public Option<EngineKind?> Engine { get; } = SharedOptions.Engine("Which engine computes the statistics");

    public Option<string> Device { get; } = SharedOptions.Device();

    public Option<string?> ChunkMemory { get; } = new("--chunk-memory")
    {
        Description = "For --engine torch or auto: memory for one chunk of the computation, e.g. 512M or 4G (default: 16M on the CPU, a quarter of a GPU's free memory)",
    };

    /// <summary>Layers at once; not --jobs, which means experiments at once on run and verify.</summary>
    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "How many layers the fast engine analyses at once (0: one per processor); results do not depend on it",
        DefaultValueFactory = _ => 0,
    };

    // analyze's --jobs meant --threads before 2026-11; it is refused with the new name rather than
    // left to "Unrecognized command or argument".
    private readonly Option<string?> renamedJobs = new("--jobs", "-j") { Hidden = true };

    public AnalysisOptionSet()
    {
        Threads.Validators.Add(result =>
        {
            if (TryValue(result, out int threads) && threads < 0)
            {
                result.AddError("--threads must be 0 (one per processor) or a positive number");
            }
        });
        renamedJobs.Validators.Add(result =>
            result.AddError("analyze takes --threads for layers at once (--jobs is experiments at once, on run, repro and verify)"));
        ChunkMemory.Validators.Add(result =>
        {
            if (!ByteSize.TryParse(result.GetValueOrDefault<string?>() ?? "", out _))
            {
                result.AddError($"--chunk-memory must be a size such as 512M or 4G, not '{result.GetValueOrDefault<string?>()}'");
            }
        });
    }

    /// <summary>Refuses --device and --chunk-memory where they would be ignored.</summary>
    private void ValidateEngineChoice(System.CommandLine.Parsing.CommandResult result)
    {
        // The tokens as given: GetValue throws for a value that the option's own check refuses.
        var engine = EngineCatalog.Default;
        if (result.GetResult(Engine) is { Tokens: [var e, ..] } && !EngineKinds.TryParse(e.Value, out engine))
        {
            return;
        }

        string? device = result.GetResult(Device) is { Tokens: [var d, ..] } ? d.Value : null;
        if (!engine.UsesDevice() && (device is not null || result.GetResult(ChunkMemory) is not null))
        {
            result.AddError($"--device and --chunk-memory apply to --engine torch or auto, not {engine.Name()}");
        }
        else if (engine == EngineKind.Auto && device is not null && EngineCatalog.IsCpuDevice(device))
        {
            result.AddError("--engine auto runs torch only on a GPU; for the CPU use --engine torch --device cpu");
        }
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Slopes);
        command.Options.Add(Epsilon);
        command.Options.Add(RelativeFloor);
        command.Options.Add(Engine);
        command.Options.Add(Threads);
        command.Options.Add(renamedJobs);
        command.Options.Add(Device);
        command.Options.Add(ChunkMemory);
        command.Validators.Add(ValidateEngineChoice);
    }

    /// <summary>Opens the engine the options ask for; see <see cref="EngineCatalog.Open"/>.</summary>
    public (IMonotonicityEngine Engine, string? Choice) OpenEngine(ParseResult parse) => EngineCatalog.Open(
        parse.GetValue(Engine) ?? EngineCatalog.Default,
        parse.GetValue(Device)!,
        parse.GetValue(ChunkMemory) is { } size && ByteSize.TryParse(size, out long bytes) ? bytes : null,
        parse.GetValue(Threads));

    public AnalysisOptions Read(ParseResult parse) => new()
    {
        Slopes = parse.GetValue(Slopes)!,
        Epsilon = parse.GetValue(Epsilon),
        RelativeFloor = parse.GetValue(RelativeFloor),
    };

    private static Option<SlopeSpec> CreateSlopes()
    {
        var slopes = ChoiceOption.Create<SlopeSpec>(
            "--slopes",
            "ALiBi slopes: notebook (2^(-8(h+1)/H), the default), bloom, mpt, or a comma-separated list",
            SlopeSpec.Names,
            (string text, out SlopeSpec value, out string? problem) =>
            {
                try
                {
                    (value, problem) = (SlopeSpec.Parse(text), null);
                    return true;
                }
                catch (FormatException e)
                {
                    (value, problem) = (SlopeSpec.Notebook, e.Message);
                    return false;
                }
            },
            helpName: "notebook|bloom|mpt|S1,S2,...");
        slopes.DefaultValueFactory = _ => SlopeSpec.Notebook;
        return slopes;
    }

    /// <summary>An option validator: the value must be finite and >= 0 (NaN and negative tolerances or thresholds mean nothing).</summary>
    internal static void RequireNonNegative(System.CommandLine.Parsing.OptionResult result, string name)
    {
        // The invariant culture reads "1,5" as 15 (',' groups thousands): refuse it rather than
        // analyse with a value a thousand times off.
        if (result.Tokens.Any(t => t.Value.Contains(',', StringComparison.Ordinal)))
        {
            result.AddError($"{name} takes a number with a decimal point, not '{result.Tokens[0].Value}'");
            return;
        }

        if (TryValue(result, out double value) && (!(value >= 0) || double.IsInfinity(value)))
        {
            result.AddError($"{name} must be a finite number >= 0, not {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>
    /// The option's value for a validator; false when the text is not a number of that type. The
    /// parser reports that itself as a parse error ("Cannot parse argument ..."), but System.CommandLine
    /// throws if a validator asks for the value first, which would end the tool with a stack trace.
    /// </summary>
    internal static bool TryValue<T>(System.CommandLine.Parsing.OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }
}
