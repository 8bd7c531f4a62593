namespace Monotone.Figures;

/// <summary>The grid lines (<see cref="FigureStyle.Grid"/>).</summary>
/// <param name="Width">grid.linewidth, in points.</param>
/// <param name="Alpha">grid.alpha.</param>
internal sealed record GridStyle(float Width, float Alpha)
{
    /// <summary>grid.linestyle "--": matplotlib's dash pattern (3.7, 1.6) scaled by the line width, in points (on, off).</summary>
    public (float On, float Off) Dashes => (3.7f * Width, 1.6f * Width);
}
