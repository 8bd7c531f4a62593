using static TorchSharp.torch;

namespace Monotone.Engine.Torch;

/// <summary>
/// The total and the sample standard deviation of values that arrive in chunks. Each chunk's
/// count, sum and squared deviations from its own mean are merged with Chan, Golub and
/// LeVeque's update, which equals a two-pass computation over all values at once (torch's
/// <c>std()</c> in the notebook) without a second pass over the chunks.
/// </summary>
internal sealed class ChunkedMoments
{
    private long count;
    private double mean;
    private double squares;
    private CompensatedSum total;

    public double Total => total.Value;

    /// <summary>torch's <c>std()</c>: N - 1 in the denominator; 0 for fewer than two values, as the notebook leaves it.</summary>
    public double SampleStd => count > 1 ? Math.Sqrt(squares / (count - 1)) : 0;

    /// <summary>Adds a non-empty 1-D chunk.</summary>
    public void Add(Tensor values)
    {
        long k = values.shape[0];
        double sum = values.sum().item<double>();
        double chunkMean = sum / k;
        double chunkSquares = k > 1 ? (values - chunkMean).square().sum().item<double>() : 0;
        total.Add(sum);

        long merged = count + k;
        double delta = chunkMean - mean;
        mean += delta * k / merged;
        squares += chunkSquares + (delta * delta * ((double)count * k / merged));
        count = merged;
    }
}
