using ScottPlot;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// The line patterns of the figures: solid for a model's own line, ScottPlot's dashes for an
/// older revision's values (<see cref="FigureComparison"/>), and one more pattern per named
/// variant in the by-variant figure (docs/variants.md), as matplotlib's "--", ":", "-." and
/// "(0, (5, 1))" set variants apart where the colour already names the model.
/// </summary>
internal static class LineDashes
{
    public const int Solid = 0;

    // Made once per pattern, as the paint that uses one does not own it.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int Dash, float Length), SKPathEffect> Handles = new();

    /// <summary>An older revision's values, and the first named variant.</summary>
    public const int Older = 1;

    // Intervals in points (on, off, ...), scaled from matplotlib's dotted (1, 1.65), dash-dot
    // (6.4, 1.6, 1, 1.6) and long-dash patterns by the 1.5 pt data line width.
    private static readonly float[][] Patterns =
    [
        [1.5f, 2.5f],
        [6.4f, 2.4f, 1.5f, 2.4f],
        [9f, 3f],
        [6.4f, 2.4f, 1.5f, 2.4f, 1.5f, 2.4f],
    ];

    /// <summary>The pattern of <paramref name="dash"/> (from 1) for ScottPlot's line: ScottPlot's own dashes first, then <see cref="Patterns"/> in turn.</summary>
    public static LinePattern Line(int dash) =>
        dash == Older ? LinePattern.Dashed : new LinePattern(Intervals(dash), 0, $"variant {dash}");

    /// <summary>The legend handle's dashes for <paramref name="dash"/>, over a handle <paramref name="length"/> points long.</summary>
    public static SKPathEffect Handle(int dash, float length) =>
        Handles.GetOrAdd((dash, length), key => key.Dash == Older
            ? SKPathEffect.CreateDash([key.Length * 0.3f, key.Length * 0.2f], 0) // two dashes and a gap across the handle
            : SKPathEffect.CreateDash(Intervals(key.Dash), 0));

    private static float[] Intervals(int dash) => Patterns[(dash - 2) % Patterns.Length];
}
