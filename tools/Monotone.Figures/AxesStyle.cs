namespace Monotone.Figures;

/// <summary>The axes' own settings, in points (<see cref="FigureStyle.Axes"/>).</summary>
/// <param name="LineWidth">axes.linewidth: the frame.</param>
/// <param name="LabelPad">axes.labelpad: between the tick labels and the axis label.</param>
/// <param name="XMargin">The x data margin, a fraction of the data range (ax.margins(x=...)).</param>
/// <param name="YMargin">The y data margin, a fraction of the data range (axes.ymargin).</param>
internal sealed record AxesStyle(float LineWidth, float LabelPad, double XMargin, double YMargin);
