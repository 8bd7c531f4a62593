namespace Monotone.Figures;

/// <summary>The ticks of both axes, in points (<see cref="FigureStyle.Ticks"/>).</summary>
/// <param name="MajorLength">xtick.major.size.</param>
/// <param name="MinorLength">xtick.minor.size.</param>
/// <param name="Width">xtick.major.width, also used for the minor ticks.</param>
/// <param name="Pad">xtick.major.pad: tick labels sit this far from the axis line.</param>
internal sealed record TickStyle(float MajorLength, float MinorLength, float Width, float Pad);
