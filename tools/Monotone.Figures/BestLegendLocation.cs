using ScottPlot;
using SkiaSharp;

namespace Monotone.Figures;

/// <summary>
/// Port of matplotlib's <c>loc="best"</c> (<c>lib/matplotlib/legend.py</c>,
/// <c>Legend._find_best_position</c>): of the ten anchored positions, codes 1 … 10 in order,
/// the first that covers the fewest line vertices and crosses the fewest lines, as the ScottPlot
/// <see cref="Alignment"/> that places the legend there.
/// </summary>
/// <remarks>
/// Contract: sizes and positions in points on the page (y down). A candidate's badness is, summed
/// over the lines, the number of its vertices inside the box plus one if any of its segments enters
/// the box; a candidate with badness 0 ends the search, ties keep the earlier code. matplotlib's
/// codes 5 ("right") and 7 ("center right") are the same box. Not ported: the bars, patches and
/// texts matplotlib also counts; the figures draw only lines.
/// </remarks>
internal static class BestLegendLocation
{
    /// <summary>matplotlib's codes 1 (upper right) … 10 (center), in the order it tries them.</summary>
    private static readonly Alignment[] Codes =
    [
        Alignment.UpperRight, Alignment.UpperLeft, Alignment.LowerLeft, Alignment.LowerRight, Alignment.MiddleRight,
        Alignment.MiddleLeft, Alignment.MiddleRight, Alignment.LowerCenter, Alignment.UpperCenter, Alignment.MiddleCenter,
    ];

    /// <param name="legend">The legend's width and height.</param>
    /// <param name="axes">The data area the legend is placed in.</param>
    /// <param name="borderAxesPad">matplotlib's borderaxespad: the gap between the legend and the axes' edges.</param>
    /// <param name="lines">Each line's vertices on the page.</param>
    /// <returns>The chosen alignment, and the legend's box there.</returns>
    public static (Alignment Alignment, PixelRect Box) Choose(PixelSize legend, PixelRect axes, float borderAxesPad, IReadOnlyList<SKPoint[]> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var size = new PixelRect(legend);
        var best = (Alignment: Codes[0], Box: size.AlignedInside(axes, Codes[0], new PixelPadding(borderAxesPad)));
        int bestBadness = int.MaxValue;
        foreach (var alignment in Codes)
        {
            var box = size.AlignedInside(axes, alignment, new PixelPadding(borderAxesPad));
            var rect = box.ToSKRect();
            int badness = lines.Sum(points => points.Count(rect.Contains) + (Crosses(points, rect) ? 1 : 0));
            if (badness < bestBadness)
            {
                (best, bestBadness) = ((alignment, box), badness);
            }

            if (badness == 0)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>Whether any segment of the polyline enters the box (Liang–Barsky clipping).</summary>
    private static bool Crosses(SKPoint[] points, SKRect box)
    {
        for (int i = 1; i < points.Length; i++)
        {
            if (SegmentEnters(points[i - 1], points[i], box))
            {
                return true;
            }
        }

        return points.Length == 1 && box.Contains(points[0]);
    }

    private static bool SegmentEnters(SKPoint a, SKPoint b, SKRect box)
    {
        float dx = b.X - a.X, dy = b.Y - a.Y;
        double t0 = 0, t1 = 1;
        (float P, float Q)[] edges = [(-dx, a.X - box.Left), (dx, box.Right - a.X), (-dy, a.Y - box.Top), (dy, box.Bottom - a.Y)];
        foreach (var (p, q) in edges)
        {
            if (p == 0)
            {
                if (q < 0)
                {
                    return false;
                }

                continue;
            }

            double t = q / p;
            if (p < 0)
            {
                t0 = Math.Max(t0, t);
            }
            else
            {
                t1 = Math.Min(t1, t);
            }

            if (t0 > t1)
            {
                return false;
            }
        }

        return true;
    }
}
