using Monotone.Core;

namespace Monotone.Engine;

/// <summary>
/// The loop of the engines that analyse one layer after another (<see cref="ReferenceEngine"/>,
/// the torch engine): cancellation before each layer, the 1-based layer number on each result,
/// progress after each. <see cref="FastEngine"/> runs layers side by side and keeps its own loop.
/// </summary>
public static class LayerLoop
{
    /// <summary>Runs <paramref name="analyzeLayer"/> for layers 0 .. <paramref name="layers"/> - 1, in order.</summary>
    /// <param name="layers">How many layers the source holds.</param>
    /// <param name="analyzeLayer">One layer's statistics from its 0-based index; the <see cref="LayerStats.Layer"/> it sets is replaced.</param>
    /// <returns>One <see cref="LayerStats"/> per layer, numbered from 1.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired before a layer.</exception>
    public static IReadOnlyList<LayerStats> Run(
        int layers,
        Func<int, LayerStats> analyzeLayer,
        IProgress<LayerProgress>? progress,
        CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(analyzeLayer);
        var results = new List<LayerStats>(layers);
        for (int layer = 0; layer < layers; layer++)
        {
            cancellation.ThrowIfCancellationRequested();
            results.Add(analyzeLayer(layer) with { Layer = layer + 1 });
            progress?.Report(new LayerProgress(layer + 1, layers));
        }

        return results;
    }
}
