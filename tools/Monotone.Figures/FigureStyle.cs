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

    /// <summary>
    /// axes.labelsize, xtick.labelsize and legend.fontsize. Constants, unlike the groups below:
    /// the legend's paddings are multiples of its font size (<see cref="LegendBox"/>).
    /// </summary>
    public static class Font
    {
        public const float AxisLabel = 10;
        public const float TickLabel = 9;
        public const float Legend = 9;
    }

    /// <summary>lines.linewidth: the data lines.</summary>
    public const float DataLineWidth = 1.5f;

    /// <summary>axes.linewidth, axes.labelpad, and ax.margins(x=0.02) with y at matplotlib's default 0.05.</summary>
    public static readonly AxesStyle Axes = new(LineWidth: 0.5f, LabelPad: 4, XMargin: 0.02, YMargin: 0.05);

    /// <summary>xtick/ytick major.size, minor.size, major.width and major.pad (ticks point inward).</summary>
    public static readonly TickStyle Ticks = new(MajorLength: 3, MinorLength: 1.5f, Width: 0.5f, Pad: 3.5f);

    /// <summary>grid.linewidth, grid.alpha and grid.linestyle "--".</summary>
    public static readonly GridStyle Grid = new(Width: 0.5f, Alpha: 0.2f);

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
