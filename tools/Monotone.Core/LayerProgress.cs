namespace Monotone.Core;

/// <summary>Reported by an engine after each finished layer (<see cref="IMonotonicityEngine.Analyze"/>).</summary>
/// <param name="LayersDone">Layers finished so far, 1..<paramref name="Layers"/>.</param>
/// <param name="Layers">The tensor's layer count.</param>
public readonly record struct LayerProgress(int LayersDone, int Layers);
