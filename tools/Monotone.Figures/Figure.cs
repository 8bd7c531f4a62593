using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// One figure, ready to draw: the files are named after <see cref="Name"/>, and
/// the appendix draws the same figure onto its pages as vectors.
/// </summary>
/// <param name="Name">The file name without extension, e.g. <c>violation_rate</c>.</param>
/// <param name="Caption">A sentence that says what the figure shows, for the appendix.</param>
public sealed class Figure
{
    internal Figure(string name, string caption, Chart chart)
    {
        Name = name;
        Caption = caption;
        Chart = chart;
    }

    public string Name { get; }

    public string Caption { get; }

    /// <summary>4.5 in, the notebook's figsize, in points.</summary>
    public static float WidthPoints => FigureStyle.Width;

    /// <summary>3 in, in points.</summary>
    public static float HeightPoints => FigureStyle.Height;

    internal Chart Chart { get; }

    /// <summary>Draws the figure with its top-left corner at the canvas origin, one unit per point.</summary>
    public void Draw(SKCanvas canvas) => ChartRenderer.Draw(Chart, canvas);
}
