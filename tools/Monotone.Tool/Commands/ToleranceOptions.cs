using System.CommandLine;
using Monotone.Results;

namespace Monotone.Tool.Commands;

/// <summary>
/// --rtol and --atol: the tolerances of a <see cref="ResultComparison"/> (counts are always exact),
/// for every command that compares results (<c>verify</c>, <c>diff</c>).
/// </summary>
internal sealed class ToleranceOptions
{
    public Option<double> Relative { get; } = SharedOptions.NonNegative(
        "--rtol", "Relative tolerance for floats (counts must match exactly)", ResultComparison.DefaultRelative);

    public Option<double> Absolute { get; } = SharedOptions.NonNegative(
        "--atol", "Absolute tolerance for floats near zero", ResultComparison.DefaultAbsolute);

    /// <summary>The comparison the command line asks for.</summary>
    public ResultComparison Comparison(ParseResult parse) => new(parse.GetValue(Relative), parse.GetValue(Absolute));
}
