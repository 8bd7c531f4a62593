using System.IO.Hashing;
using System.Text;
using Monotone.Core;

namespace Monotone.TensorInput.Synthetic;

/// <summary>
/// A deterministic stand-in for a model's mean attention tensor, generated on the
/// fly one head at a time (bloom-176b at n = 2048 would be a 131 GB file).
/// Each row is a causal probability distribution built from three parts seen in
/// real mean attention: a recency preference, an attention sink on the first
/// key whose weight drifts with the query position, and per-entry content noise.
/// How strong each part is varies by layer, so some layers break monotonicity
/// and others do not. Values are rounded to float32, as upstream files store them.
/// </summary>
public sealed class SyntheticAttention : IAttentionSource
{
    /// <summary>Part of every synthetic fingerprint; bump it whenever the values change.</summary>
    public const int GeneratorVersion = 1;

    private readonly ulong modelKey;

    public SyntheticAttention(string modelId, int layers, int heads, int sequenceLength, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(layers, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(heads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequenceLength, 1);
        ModelId = modelId;
        Layers = layers;
        Heads = heads;
        SequenceLength = sequenceLength;
        Seed = seed;
        modelKey = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{modelId}\n{seed}"));
    }

    public string ModelId { get; }

    public int Seed { get; }

    public string Path => $"synthetic:{ModelId}/{SequenceLength}";

    public InputFormat Format => InputFormat.Synthetic;

    public TensorDtype Dtype => TensorDtype.Float32;

    public int Layers { get; }

    public int Heads { get; }

    public int SequenceLength { get; }

    /// <summary>The size the tensor would have as a float32 file.</summary>
    public long Bytes => (long)Layers * Heads * SequenceLength * SequenceLength * sizeof(float);

    /// <summary>Identifies the generated content: same parameters and generator version, same values.</summary>
    public string Fingerprint()
    {
        string identity = $"generator={GeneratorVersion};model={ModelId};layers={Layers};heads={Heads};n={SequenceLength};seed={Seed}";
        return "synthetic:" + Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(identity)));
    }

    public void ReadHead(int layer, int head, Span<double> destination)
    {
        int n = SequenceLength;
        destination = destination[..(n * n)];
        destination.Clear();
        var shape = HeadShape.For(modelKey, layer, Layers, head, Heads);
        ulong headKey = Mix(modelKey ^ ((ulong)layer << 32) ^ (ulong)head);
        for (int i = 0; i < n; i++)
        {
            var row = destination.Slice(i * n, i + 1);
            double position = n > 1 ? (double)i / (n - 1) : 0;
            double wobble = Uniform(Mix(modelKey ^ ((ulong)layer << 48) ^ ((ulong)i << 16) ^ 0x5151UL)) - 0.5;
            double sink = shape.Sink + (shape.SinkDrift * Math.Sin(Math.PI * shape.SinkWaves * position)) + (shape.SinkJitter * wobble);
            double total = 0;
            for (int j = 0; j <= i; j++)
            {
                double noise = Uniform(Mix(headKey ^ ((ulong)i << 20) ^ (ulong)j)) - 0.5;
                double logit = (-shape.Recency * (i - j)) + (shape.Noise * noise) + (j == 0 ? sink : 0);
                row[j] = Math.Exp(logit);
                total += row[j];
            }

            for (int j = 0; j <= i; j++)
            {
                row[j] = (float)(row[j] / total);
            }
        }
    }

    // SplitMix64's finaliser: a fixed, well-mixed hash, so values never depend on
    // the .NET version (System.Random's seeded sequence is not guaranteed stable).
    internal static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    internal static double Uniform(ulong bits) => (bits >> 11) * (1.0 / (1UL << 53));

    /// <summary>How strongly each part shapes one head.</summary>
    private readonly record struct HeadShape(double Recency, double Sink, double SinkDrift, double SinkWaves, double SinkJitter, double Noise)
    {
        public static HeadShape For(ulong modelKey, int layer, int layers, int head, int heads)
        {
            double depth = layers > 1 ? (double)layer / (layers - 1) : 0;
            ulong key = Mix(modelKey ^ 0xA5A5_0000_0000UL ^ ((ulong)layer << 16) ^ (ulong)head);
            double u1 = Uniform(Mix(key + 1));
            double u2 = Uniform(Mix(key + 2));
            double u3 = Uniform(Mix(key + 3));

            // Early layers attend locally; later layers grow a sink whose strength
            // wanders along the sequence and jumps from query to query. The jumps are
            // shared by a layer's heads so the head mean keeps them, and they are what
            // makes a later query put more cumulative mass on the first keys than an
            // earlier one.
            double recency = 0.02 + (0.5 * u1 * (1 - depth)) + (0.05 * (double)head / heads);
            double sink = 8 * depth * u2;
            double drift = depth * depth * (1 + (2 * u3));
            double waves = 1 + Math.Floor(4 * u3);
            double jitter = 14 * depth;
            double noise = 0.2 + (1.5 * depth * u1);
            return new HeadShape(recency, sink, drift, waves, jitter, noise);
        }
    }
}
