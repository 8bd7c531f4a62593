using System.Security.Cryptography;
using Monotone.Figures;
using Monotone.Tests.Support;

namespace Monotone.Tests.Figures;

/// <summary>
/// The exact bytes of every kind of figure: three lengths with ±2σ bands (suffixed names,
/// bands, the by-length figure's markers and manual ticks), scaled tick labels with their
/// "1e−N" multiplier, negative labels, a flat line, and the by-variant figure's dash patterns and zero line. Drawing through ScottPlot's extension
/// points must not move a single glyph; a deliberate change of the drawing updates
/// <see cref="Expected"/> (the failure message lists the new hashes).
/// </summary>
public class FigureBytesTests
{
    private static readonly string[] Expected =
    [
        "violation_rate.pdf 902561af2b23540f",
        "violation_rate.svg 63383ceefa0d56c8",
        "violation_rate.png 8b7c2a993138fabe",
        "average_absolute_error.pdf 28c635d86f2bd11f",
        "average_absolute_error.svg 8fbbb936686e76ea",
        "average_absolute_error.png 41a8758dde6c0af9",
        "average_relative_error.pdf b06543f021cdc88d",
        "average_relative_error.svg db213204ceff3cf5",
        "average_relative_error.png 216aa3260cdb803c",
        "violation_rate_n256.pdf 9979cb315254837d",
        "violation_rate_n256.svg 9e0b61f31b24ca92",
        "violation_rate_n256.png a7f3a09803a656a7",
        "average_absolute_error_n256.pdf 587bb98b0d86062b",
        "average_absolute_error_n256.svg 8fbbb936686e76ea",
        "average_absolute_error_n256.png 41a8758dde6c0af9",
        "average_relative_error_n256.pdf 2c7dba16422f3462",
        "average_relative_error_n256.svg db213204ceff3cf5",
        "average_relative_error_n256.png 216aa3260cdb803c",
        "violation_rate_n1024.pdf c85ab4ff6a602e10",
        "violation_rate_n1024.svg a2fd7fd63f125465",
        "violation_rate_n1024.png 63987edbcbc7aeae",
        "average_absolute_error_n1024.pdf eb453656bafe8fdf",
        "average_absolute_error_n1024.svg 8fbbb936686e76ea",
        "average_absolute_error_n1024.png 41a8758dde6c0af9",
        "average_relative_error_n1024.pdf 68349e6b2269986f",
        "average_relative_error_n1024.svg db213204ceff3cf5",
        "average_relative_error_n1024.png 216aa3260cdb803c",
        "violation_rate_by_length.pdf d5a702e7834cc860",
        "violation_rate_by_length.svg 5494555f17f52319",
        "violation_rate_by_length.png 0905ac2c31d7f37d",
        "tiny.pdf e72eac530a843263",
        "tiny.svg 3359d5569b06cfdc",
        "tiny.png d5b9d197def0a968",
        "flat.pdf c68ec4c5e4018b3b",
        "flat.svg 4209c71d01a2dedc",
        "flat.png 7932fc22ae01ffe5",
        "violation_rate_change_by_variant.pdf 7e48debd39a1c39c",
        "violation_rate_change_by_variant.svg f1151ff1eb87e710",
        "violation_rate_change_by_variant.png 580ffa80225259b7",
    ];

    [Fact]
    public void Every_kind_of_figure_keeps_its_bytes()
    {
        var figures = FigureSet.Plan(SampleResults.Models(64, 256, 1024), new FigureSettings(ShowStdError: true)).Concat(
        [
            new Figure("tiny", "Values below 1e-4 get a multiplier.", new Chart("Layer", "Error", [
                new Curve("a", 0, [1, 2, 3, 4], [1e-6, 3e-6, 2e-6, 2.5e-6], null, Markers: false),
                new Curve("b", 1, [1, 2, 3, 4], [-1e-6, 0, 5e-7, 1e-6], [1e-7, 1e-7, 2e-7, 1e-7], Markers: false)], LayerAxis: true)),
            new Figure("flat", "A flat line.", new Chart("Layer", "Rate", [
                new Curve("only", 2, [1, 2, 3], [0, 0, 0], null, Markers: false)], LayerAxis: true)),
        ]).Concat(FigureSet.Plan(VariantPaperTests.WithVariants(), new FigureSettings()).Where(f => f.Name == FigureSet.ByVariantName));

        string[] actual =
        [
            .. figures.SelectMany(f => new[]
            {
                $"{f.Name}.pdf {Hash(FigureFiles.Pdf(f))}",
                $"{f.Name}.svg {Hash(FigureFiles.Svg(f))}",
                $"{f.Name}.png {Hash(FigureFiles.Png(f))}",
            }),
        ];

        Assert.True(Expected.SequenceEqual(actual), "figure bytes changed; now:\n" + string.Join("\n", actual.Select(a => $"        \"{a}\",")));
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
}
