namespace Monotone.Figures;

/// <summary>What a figure plots, before any drawing library is involved.</summary>
/// <param name="LayerAxis">Layers on x (whole-number ticks); otherwise sequence lengths on a log2 axis.</param>
internal sealed record Chart(string XLabel, string YLabel, IReadOnlyList<Curve> Curves, bool LayerAxis);

/// <summary>One model's line.</summary>
/// <param name="ColorIndex">The model's place in the manifest, so a model keeps its colour in every figure.</param>
/// <param name="Band">Half-width of the ±2σ band at each point; null for no band.</param>
/// <param name="Dashed">Drawn dashed: an older revision's values beside the new (<see cref="FigureComparison"/>).</param>
internal sealed record Curve(string Label, int ColorIndex, double[] X, double[] Y, double[]? Band, bool Markers, bool Dashed = false);
