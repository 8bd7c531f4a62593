namespace Monotone.Core;

/// <summary>
/// The kind of file (or generator) an attention source reads. A result file records it as
/// <c>input.format</c> in the spelling <see cref="InputFormats.Spelling"/> gives (docs/design.md §2).
/// </summary>
public enum InputFormat
{
    /// <summary>A <c>torch.save</c> zip archive (<c>archive/data.pkl</c> and its storages).</summary>
    Torch,

    /// <summary>A <c>.safetensors</c> file.</summary>
    Safetensors,

    /// <summary>A NumPy <c>.npy</c> file.</summary>
    Npy,

    /// <summary>The deterministic generator of the shipped study; no file.</summary>
    Synthetic,
}
