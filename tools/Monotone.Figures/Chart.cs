namespace Monotone.Figures;

/// <summary>What a figure plots, before any drawing library is involved.</summary>
/// <param name="LayerAxis">Layers on x (whole-number ticks); otherwise sequence lengths on a log2 axis.</param>
internal sealed record Chart(string XLabel, string YLabel, IReadOnlyList<Curve> Curves, bool LayerAxis)
{
    /// <summary>
    /// A thin black line across the axes at this y, without a legend entry: matplotlib's
    /// <c>axhline(y, color="k", linewidth=0.5)</c>, which also joins the y autoscaling and the
    /// lines <c>loc="best"</c> avoids. Null for none.
    /// </summary>
    public double? ReferenceY { get; init; }
}

/// <summary>One model's line.</summary>
/// <param name="ColorIndex">The model's place in the manifest, so a model keeps its colour in every figure.</param>
/// <param name="Band">Half-width of the ±2σ band at each point; null for no band.</param>
/// <param name="Dash">The line's pattern, a <see cref="LineDashes"/> index: solid (0), an older revision's values beside the new (<see cref="LineDashes.Older"/>, <see cref="FigureComparison"/>), or a variant's own pattern.</param>
internal sealed record Curve(string Label, int ColorIndex, double[] X, double[] Y, double[]? Band, bool Markers, int Dash = LineDashes.Solid)
{
    public bool Dashed => Dash != LineDashes.Solid;
}
