using System.CommandLine;
using Monotone.Results;

namespace Monotone.Tool.Commands;

/// <summary>
/// --rtol and --atol: the tolerances of a <see cref="ResultComparison"/> (counts are always exact),
/// for every command that compares results (<c>verify</c>, <c>diff</c>).
/// </summary>
internal sealed class ToleranceOptions
{
    public ToleranceOptions()
    {
        Relative.Validators.Add(result => AnalysisOptionSet.RequireNonNegative(result, "--rtol"));
        Absolute.Validators.Add(result => AnalysisOptionSet.RequireNonNegative(result, "--atol"));
    }

    public Option<double> Relative { get; } = new("--rtol")
    {
        Description = "Relative tolerance for floats (counts must match exactly)",
        DefaultValueFactory = _ => ResultComparison.DefaultRelative,
    };

    public Option<double> Absolute { get; } = new("--atol")
    {
        Description = "Absolute tolerance for floats near zero",
        DefaultValueFactory = _ => ResultComparison.DefaultAbsolute,
    };

    /// <summary>The comparison the command line asks for.</summary>
    public ResultComparison Comparison(ParseResult parse) => new(parse.GetValue(Relative), parse.GetValue(Absolute));
}
