using ScottPlot;
using ScottPlot.TickGenerators;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// Draws a <see cref="Chart"/> with ScottPlot in the notebook's style: ScottPlot
/// maps the data to the page and draws the lines, the ±2σ bands and the frame;
/// <see cref="GridLines"/> draws the dashed grid beneath the data, and
/// <see cref="Decorations"/> adds what ScottPlot cannot draw as matplotlib does
/// (inward ticks on all four sides, tick labels at matplotlib's distances, axis
/// titles, the legend and the "1e−N" multiplier).
/// </summary>
internal static class ChartRenderer
{
    public static void Draw(Chart chart, SKCanvas canvas)
    {
        using var plot = Build(chart);

        // ScottPlot 5.1 renders twice on a plot's first render (the second with
        // the layout the first measured), and both land in a PDF or SVG; a first
        // render that draws nothing leaves one copy.
        using (var nothing = new SKNoDrawCanvas((int)FigureStyle.Width, (int)FigureStyle.Height))
        {
            plot.Render(nothing, (int)FigureStyle.Width, (int)FigureStyle.Height);
        }

        plot.Render(canvas, (int)FigureStyle.Width, (int)FigureStyle.Height);
    }

    internal static Plot Build(Chart chart)
    {
        PaperFonts.UseInScottPlot();
        var frame = ChartFrame.Measure(chart);
        var plot = new Plot();

        // On the appendix's PDF pages a clear would wipe the whole page, not just the figure.
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        plot.Font.Set(PaperFonts.Family);
        plot.Layout.Fixed(frame.Padding);
        plot.Axes.SetLimits(frame.XRange.Min, frame.XRange.Max, frame.YRange.Min, frame.YRange.Max);
        foreach (var axis in plot.Axes.GetAxes())
        {
            StyleAxis(axis);
        }

        // ScottPlot regenerates these for the final data area; Decorations draws what they hold.
        plot.Axes.Bottom.TickGenerator = frame.X;
        plot.Axes.Left.TickGenerator = frame.Y;
        plot.HideGrid();

        foreach (var curve in chart.Curves.Where(c => c.Band is not null))
        {
            var band = plot.Add.FillY(curve.X, [.. curve.Y.Select((y, i) => y - curve.Band![i])], [.. curve.Y.Select((y, i) => y + curve.Band![i])]);
            band.FillColor = FigureStyle.ColorOf(curve.ColorIndex).WithAlpha(FigureStyle.BandAlpha);
            band.LineWidth = 0;
        }

        // Beneath the data, as matplotlib draws an axhline added before the lines.
        if (chart.ReferenceY is double referenceY)
        {
            var reference = plot.Add.ScatterLine(new[] { frame.XRange.Min, frame.XRange.Max }, new[] { referenceY, referenceY }, Colors.Black);
            reference.LineWidth = FigureStyle.Axes.LineWidth;
            reference.MarkerShape = MarkerShape.None;
            reference.MarkerSize = 0;
        }

        foreach (var curve in chart.Curves)
        {
            var line = plot.Add.ScatterLine(frame.ToX(curve.X), curve.Y, FigureStyle.ColorOf(curve.ColorIndex));
            line.LineWidth = FigureStyle.DataLineWidth;
            line.LineStyle.StrokeJoin = SKStrokeJoin.Round;
            line.MarkerShape = curve.Markers ? MarkerShape.FilledCircle : MarkerShape.None;
            line.MarkerSize = curve.Markers ? Decorations.MarkerSize : 0;
            if (curve.Dashed)
            {
                line.LinePattern = LineDashes.Line(curve.Dash);
            }
        }

        var actions = plot.RenderManager.RenderActions;
        actions.Insert(actions.FindIndex(a => a is ScottPlot.Rendering.RenderActions.RenderPlottables), new GridLines());
        actions.Add(new Decorations(chart, frame));
        return plot;
    }

    /// <summary>
    /// ScottPlot keeps the frame and the tick generators. Its ticks point outward and its
    /// tick labels keep their own distances from the frame, so drawing both is left to
    /// <see cref="Decorations"/>: its tick marks are made invisible and its labels hidden.
    /// </summary>
    private static void StyleAxis(IAxis axis)
    {
        axis.TickGenerator = new NumericManual();
        axis.MajorTickStyle = new TickMarkStyle { Length = 0, Width = 0, Color = Colors.Transparent };
        axis.MinorTickStyle = new TickMarkStyle { Length = 0, Width = 0, Color = Colors.Transparent };
        axis.TickLabelStyle.IsVisible = false;
        axis.FrameLineStyle.Width = FigureStyle.Axes.LineWidth;
        axis.FrameLineStyle.Color = Colors.Black;
        axis.Label.Text = "";
    }
}
