using Monotone.Core;

namespace Monotone.Benchmarks;

/// <summary>
/// A deterministic generated <c>[layers, heads, n, n]</c> tensor, for shapes whose file
/// would not fit here (bloom-176b at n = 2048 is 131 GB). Like make-inputs.py's files,
/// each row is a probability distribution over keys 0..i with an attention sink on key 0
/// and heavy-tailed noise (weights 1/(u + 0.05), u uniform, from a per-row xorshift
/// generator), rounded to float32 as upstream tensors are. The noisy sink is what makes
/// earlier rows fall below later ones, so the statistics have violations to count.
/// </summary>
/// <remarks>
/// Not the library's <see cref="Monotone.TensorInput.Synthetic.SyntheticAttention"/>, whose
/// per-element hash and exponential take 15 ms a head at n = 2048 against 5 ms here (one core):
/// bloom-176b's 7840 heads would take about 60 s to generate on two cores, against 33 s for
/// the whole run now, so the timings at n = 2048 would mostly measure the generator.
/// Generation is part of both a run and its floor, so it is kept as cheap as a plausible
/// attention row allows.
/// </remarks>
internal sealed class BenchmarkAttention(string label, int layers, int heads, int n) : IAttentionSource
{
    public string Path => $"synthetic:{label}:{n}";

    public InputFormat Format => InputFormat.Synthetic;

    public TensorDtype Dtype => TensorDtype.Float32;

    public int Layers => layers;

    public int Heads => heads;

    public int SequenceLength => n;

    public void ReadHead(int layer, int head, Span<double> destination)
    {
        for (int i = 0; i < n; i++)
        {
            var row = destination.Slice(i * n, n);
            ulong state = (((ulong)layer * 1_000_003UL) + ((ulong)head * 7919UL) + (ulong)i + 1) * 0x9E3779B97F4A7C15UL;
            double sum = 0;
            for (int j = 0; j <= i; j++)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                double u = (state >> 11) * (1.0 / (1UL << 53));
                double weight = (j == 0 ? 30.0 : 1.0) / (u + 0.05);
                row[j] = weight;
                sum += weight;
            }

            double scale = 1 / sum;
            for (int j = 0; j <= i; j++)
            {
                row[j] = (float)(row[j] * scale);
            }

            row[(i + 1)..].Clear();
        }
    }
}
