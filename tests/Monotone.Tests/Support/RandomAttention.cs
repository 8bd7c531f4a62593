namespace Monotone.Tests.Support;

/// <summary>
/// Deterministic random attention tensors of the kinds that stress an engine:
/// plausible mean attention, peaked and uniform rows, raw large logits, and
/// coarse values that make exact ties in the cumulative sums.
/// </summary>
public static class RandomAttention
{
    public enum Kind
    {
        /// <summary>Unnormalised attention weights: exp of Gaussian logits times a random scale.</summary>
        LogNormal,

        /// <summary>Every other row puts almost all its mass on the first key (an attention sink).</summary>
        Sink,

        /// <summary>1/(i+1) on every unmasked key: monotone, so no violations.</summary>
        Uniform,

        /// <summary>Raw logits of magnitude 50..500, either sign: extreme softmax.</summary>
        LargeLogits,

        /// <summary>Values from {0, 1/4, 1/2, 3/4, 1}, every head alike: exact ties everywhere.</summary>
        Coarse,
    }

    public static InMemoryAttentionSource Create(Kind kind, int seed, int layers, int heads, int n)
    {
        var random = new Random(seed);
        double scale = 0.5 + (4 * random.NextDouble());
        return InMemoryAttentionSource.Create(layers, heads, n, (l, h, i, j) => kind switch
        {
            Kind.LogNormal => Math.Exp(scale * Gaussian(random)),
            Kind.Sink => Math.Exp(Gaussian(random) + (j == 0 && i % 2 == 1 ? 8 : 0)),
            Kind.Uniform => 1.0 / (i + 1),
            Kind.LargeLogits => (random.Next(2) == 0 ? -1 : 1) * (50 + (450 * random.NextDouble())),
            Kind.Coarse => ((l + i + (3 * j)) % 5) / 4.0,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        });
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
