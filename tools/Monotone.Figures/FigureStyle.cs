using ScottPlot;

namespace Monotone.Figures;

/// <summary>
/// The notebook's look (docs/design.md §8: SciencePlots' science + bright + grid +
/// no-latex styles, then DejaVu Sans and the notebook's own settings), in
/// points. Figures are drawn with one canvas unit per point, so these numbers
/// are what reaches the page.
/// </summary>
internal static class FigureStyle
{
    public const float Width = 4.5f * 72;
    public const float Height = 3f * 72;

    /// <summary>savefig(bbox_inches="tight") keeps 0.05 in of white around the drawing.</summary>
    public const float OuterPad = 0.05f * 72;

    public const float AxisLabelSize = 10;
    public const float TickLabelSize = 9;
    public const float LegendSize = 9;

    public const float DataLineWidth = 1.5f;
    public const float AxisLineWidth = 0.5f;
    public const float MajorTickLength = 3;
    public const float MinorTickLength = 1.5f;
    public const float TickWidth = 0.5f;

    /// <summary>matplotlib's xtick.major.pad: tick labels sit 3.5 pt from the axis line (ticks point inward).</summary>
    public const float TickPad = 3.5f;

    /// <summary>matplotlib's axes.labelpad.</summary>
    public const float LabelPad = 4;

    public const float GridWidth = 0.5f;
    public const float GridAlpha = 0.2f;

    /// <summary>grid.linestyle "--": matplotlib's dash pattern (3.7, 1.6) scaled by the 0.5 pt width.</summary>
    public static readonly float[] GridDashes = [3.7f * GridWidth, 1.6f * GridWidth];

    /// <summary>ax.margins(x=0.02); y keeps matplotlib's default 0.05.</summary>
    public const double XMargin = 0.02;
    public const double YMargin = 0.05;

    /// <summary>fill_between(alpha=0.2) for the ±2σ bands.</summary>
    public const float BandAlpha = 0.2f;

    /// <summary>Paul Tol's "bright" scheme, in the order SciencePlots' bright style cycles it.</summary>
    public static readonly Color[] Cycle =
    [
        Color.FromHex("#4477AA"), Color.FromHex("#EE6677"), Color.FromHex("#228833"), Color.FromHex("#CCBB44"),
        Color.FromHex("#66CCEE"), Color.FromHex("#AA3377"), Color.FromHex("#BBBBBB"),
    ];

    public static Color ColorOf(int modelIndex) => Cycle[modelIndex % Cycle.Length];
}
