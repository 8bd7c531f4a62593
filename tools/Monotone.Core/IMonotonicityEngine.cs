namespace Monotone.Core;

/// <summary>
/// The engine boundary: an attention tensor in, one <see cref="LayerStats"/> per
/// layer out. Engines differ in speed and device, never in results.
/// </summary>
public interface IMonotonicityEngine
{
    /// <summary>The name recorded in result provenance and chosen with --engine.</summary>
    string Name { get; }

    IReadOnlyList<LayerStats> Analyze(
        IAttentionSource tensor,
        AnalysisOptions options,
        IProgress<LayerProgress>? progress = null,
        CancellationToken cancellation = default);
}
