namespace Monotone.Core;

/// <summary>
/// The engines a user chooses by name (<c>--engine</c>, the manifest's <c>analysis.engine</c>);
/// <see cref="EngineKinds"/> holds their one spelling. Engines agree within the correctness bar
/// (docs/design.md §1), so the choice changes speed and memory, never results.
/// </summary>
public enum EngineKind
{
    /// <summary>The exact O(L n² log n) managed engine: the default.</summary>
    Fast,

    /// <summary>The notebook's pair-by-pair loop, kept as the yardstick.</summary>
    Reference,

    /// <summary>The notebook's tensor program through TorchSharp, on a CPU or a CUDA GPU.</summary>
    Torch,

    /// <summary>Torch on a CUDA GPU when libtorch sees one, otherwise <see cref="Fast"/>.</summary>
    Auto,
}
