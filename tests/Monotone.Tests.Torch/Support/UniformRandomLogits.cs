using Monotone.Core;

namespace Monotone.Tests.Torch.Support;

/// <summary>
/// A deterministic random <c>[layers, heads, n, n]</c> tensor of attention logits uniform in
/// [-Scale, Scale], held in no file and no array: each head is generated from the seed, its
/// layer and its number when read. (Monotone.Tests' RandomAttention is another thing: five
/// kinds of stress input, ties and extreme logits among them, held in memory.)
/// </summary>
/// <param name="Scale">Logits are uniform in [-Scale, Scale]; larger scales give more violations.</param>
public sealed record UniformRandomLogits(int Layers, int Heads, int SequenceLength, int Seed, double Scale) : IAttentionSource
{
    public string Path => $"random(L={Layers}, H={Heads}, n={SequenceLength}, seed={Seed}, scale={Scale})";

    public InputFormat Format => InputFormat.Synthetic;

    public TensorDtype Dtype => TensorDtype.Float64;

    public void ReadHead(int layer, int head, Span<double> destination)
    {
        var random = new Random((Seed * 7919) + (layer * 104729) + head);
        int count = SequenceLength * SequenceLength;
        for (int k = 0; k < count; k++)
        {
            destination[k] = Scale * ((2 * random.NextDouble()) - 1);
        }
    }

    public override string ToString() => Path;
}
