using System.CommandLine;
using System.Globalization;
using Monotone.Engine;

namespace Monotone.Tool.Commands;

/// <summary>The analysis options shared by the commands that compute statistics.</summary>
internal sealed class AnalysisOptionSet
{
    public Option<string> Slopes { get; } = new("--slopes")
    {
        Description = "ALiBi slopes: notebook (2^(-8(h+1)/H), the default), bloom, mpt, or a comma-separated list",
        DefaultValueFactory = _ => "notebook",
    };

    public Option<double> Epsilon { get; } = new("--epsilon")
    {
        Description = "A pair violates monotonicity when C[i,k] - C[j,k] < -epsilon",
        DefaultValueFactory = _ => AnalysisOptions.NotebookEpsilon,
    };

    public Option<double> RelativeFloor { get; } = new("--relative-floor")
    {
        Description = "Added to the relative error's denominator: |d| / (max + floor)",
        DefaultValueFactory = _ => AnalysisOptions.NotebookRelativeFloor,
    };

    public Option<string> Engine { get; } = new("--engine")
    {
        Description = $"Which engine computes the statistics: {string.Join(", ", EngineCatalog.Names)}",
        DefaultValueFactory = _ => EngineCatalog.Default,
    };

    public Option<int> Jobs { get; } = new("--jobs", "-j")
    {
        Description = "How many layers the fast engine analyses at once (0: one per processor); results do not depend on it",
        DefaultValueFactory = _ => 0,
    };

    public AnalysisOptionSet()
    {
        Slopes.Validators.Add(result =>
        {
            try
            {
                SlopeSpec.Parse(result.GetValueOrDefault<string>() ?? "");
            }
            catch (FormatException e)
            {
                result.AddError(e.Message);
            }
        });
        Epsilon.Validators.Add(result => RequireNonNegative(result, "--epsilon"));
        RelativeFloor.Validators.Add(result => RequireNonNegative(result, "--relative-floor"));
        Engine.AcceptOnlyFromAmong([.. EngineCatalog.Names]);
        Jobs.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--jobs must be 0 (one per processor) or a positive number");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Slopes);
        command.Options.Add(Epsilon);
        command.Options.Add(RelativeFloor);
        command.Options.Add(Engine);
        command.Options.Add(Jobs);
    }

    public IMonotonicityEngine CreateEngine(ParseResult parse) => EngineCatalog.Create(parse.GetValue(Engine)!, parse.GetValue(Jobs));

    public AnalysisOptions Read(ParseResult parse) => new()
    {
        Slopes = SlopeSpec.Parse(parse.GetValue(Slopes)!),
        Epsilon = parse.GetValue(Epsilon),
        RelativeFloor = parse.GetValue(RelativeFloor),
    };

    private static void RequireNonNegative(System.CommandLine.Parsing.OptionResult result, string name)
    {
        double value = result.GetValueOrDefault<double>();
        if (!(value >= 0) || double.IsInfinity(value))
        {
            result.AddError($"{name} must be a finite number >= 0, not {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
