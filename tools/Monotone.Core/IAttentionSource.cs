namespace Monotone.Core;

/// <summary>
/// A <c>[layers, heads, n, n]</c> attention tensor that engines read one head at a
/// time: a file (<see cref="AttentionTensor"/>) or a generated one.
/// </summary>
public interface IAttentionSource
{
    /// <summary>Names the source in messages: a file path, or a description of a generated tensor.</summary>
    string Path { get; }

    /// <summary>What the source reads; a result records it as <see cref="InputFormats.Spelling"/>.</summary>
    InputFormat Format { get; }

    TensorDtype Dtype { get; }

    int Layers { get; }

    int Heads { get; }

    int SequenceLength { get; }

    /// <summary>
    /// Writes head <paramref name="head"/> of layer <paramref name="layer"/> as float64,
    /// row-major, into <paramref name="destination"/> (n·n values). Safe to call from
    /// several threads at once.
    /// </summary>
    void ReadHead(int layer, int head, Span<double> destination);
}
