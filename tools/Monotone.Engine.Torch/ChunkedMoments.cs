using Monotone.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Monotone.Engine.Torch;

/// <summary>
/// The total and the sample standard deviation of values that arrive in chunks. Each chunk's
/// count, sum and squared deviations from its own mean are merged by <see cref="Moments"/>
/// (Chan, Golub and LeVeque's update), which equals a two-pass computation over all values at
/// once (torch's <c>std()</c> in the notebook) without a second pass over the chunks.
/// </summary>
internal sealed class ChunkedMoments
{
    private Moments moments;
    private CompensatedSum total;

    public double Total => total.Value;

    /// <summary>torch's <c>std()</c>: N - 1 in the denominator; 0 for fewer than two values, as the notebook leaves it.</summary>
    public double SampleStd => moments.SampleStd;

    /// <summary>Adds a chunk of <paramref name="count"/> values, held where <paramref name="others"/> is false; zero elsewhere.</summary>
    /// <param name="zero">0.0 as a Scalar, which the caller owns.</param>
    public void Add(long count, Tensor values, Tensor others, Scalar zero)
    {
        double sum = values.sum().item<double>();
        double chunkMean = sum / count;
        double chunkSquares = 0;
        if (count > 1)
        {
            using var meanScalar = chunkMean.ToScalar();
            var deviations = values.sub(meanScalar);
            chunkSquares = deviations.mul_(deviations).masked_fill_(others, zero).sum().item<double>();
        }

        total.Add(sum);
        moments.Add(count, chunkMean, chunkSquares);
    }
}
