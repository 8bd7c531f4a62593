using Monotone.Core;

namespace Monotone.Figures;

/// <summary>One of the notebook's three per-layer figures: its file name, axis title, words for captions, and values.</summary>
/// <param name="Spread">The per-layer standard deviation behind the ±2σ band; null where the notebook draws none.</param>
internal sealed record Metric(string Name, string Title, string Caption, Func<LayerStats, double> Value, Func<LayerStats, double>? Spread)
{
    public static readonly Metric ViolationRate = new("violation_rate", "Violation Rate", "Violation rate", l => l.ViolationRate, null);

    public static readonly Metric AbsoluteError = new(
        "average_absolute_error", "Average Absolute Error", "Average absolute error", l => l.AbsoluteError, l => l.AbsoluteErrorStd);

    public static readonly Metric RelativeError = new(
        "average_relative_error", "Average Relative Error", "Average relative error", l => l.RelativeError, l => l.RelativeErrorStd);

    public static IReadOnlyList<Metric> All { get; } = [ViolationRate, AbsoluteError, RelativeError];
}
