using System.Runtime.InteropServices;
using Monotone.Core;
using TorchSharp;
using static TorchSharp.torch;

namespace Monotone.Engine.Torch;

/// <summary>
/// Steps 1-6 of docs/design.md §1 as the notebook writes them in torch, one layer at a time and
/// a batch of heads at a time: add the ALiBi scores <c>-head_alphas * (i - j)</c>, fill the
/// future (<c>~tril</c>) with -inf, softmax over keys, mean over heads, cumsum over keys.
/// Tensors it creates belong to the caller's dispose scope.
/// </summary>
internal sealed class CausalAttention
{
    private readonly IAttentionSource source;
    private readonly Device device;
    private readonly int headsPerBatch;
    private readonly Tensor negativeSlopes;
    private readonly Tensor distances;
    private readonly Tensor future;
    private readonly Tensor visible;
    private readonly Tensor firstKey;
    private readonly Tensor host;

    public CausalAttention(IAttentionSource source, double[] slopes, Device device, int headsPerBatch)
    {
        this.source = source;
        this.device = device;
        this.headsPerBatch = headsPerBatch;
        int n = source.SequenceLength;

        // The notebook: head_alphas [h,1,1]; distances = i - j from float64 aranges; scores = -head_alphas * distances.
        negativeSlopes = tensor(slopes, ScalarType.Float64, device).view(-1, 1, 1).neg();
        distances = arange(n, ScalarType.Float64, device).view(n, 1) - arange(n, ScalarType.Float64, device).view(1, n);
        visible = ones(n, n, ScalarType.Bool, device).tril();
        future = visible.logical_not();
        firstKey = arange(n, ScalarType.Int64, device).eq(0L);

        // Heads are read straight into this CPU tensor's memory, then moved to the device.
        host = empty([headsPerBatch, n, n], ScalarType.Float64);
    }

    /// <summary><c>C[i, k]</c> of one layer, on the device.</summary>
    public Tensor Cumulative(int layer)
    {
        int n = source.SequenceLength;
        int heads = source.Heads;
        var sum = zeros(n, n, ScalarType.Float64, device);
        using var minusInfinity = double.NegativeInfinity.ToScalar();
        using var headCount = ((double)heads).ToScalar();
        for (int first = 0; first < heads; first += headsPerBatch)
        {
            using var batch = NewDisposeScope();
            int count = Math.Min(headsPerBatch, heads - first);
            var values = MemoryMarshal.Cast<byte, double>(host.bytes);
            for (int k = 0; k < count; k++)
            {
                source.ReadHead(layer, first + k, values.Slice(k * n * n, n * n));
            }

            var logits = host.narrow(0, 0, count).to(device);
            RejectNotFinite(logits, layer, first);
            var scores = negativeSlopes.narrow(0, first, count) * distances;
            var attention = (logits + scores).masked_fill(future, minusInfinity).softmax(-1);

            // torch's mean over heads is their sum divided by the count; summed here batch by batch.
            // (A bare 0 would bind to sum(ScalarType? type), C#'s literal 0 being an enum value too.)
            sum.add_(attention.sum(dim: 0L));
        }

        return sum.div_(headCount).cumsum(1);
    }

    /// <summary>
    /// The managed engines' rule and message (<see cref="InputValues"/>): NaN or +inf at a used
    /// key (j ≤ i), or a row whose used keys are all -inf, is refused, naming the first such
    /// element in PyTorch's index order; -inf beside a finite key gets weight 0, as in the notebook.
    /// </summary>
    private void RejectNotFinite(Tensor logits, int layer, int firstHead)
    {
        using var scope = NewDisposeScope();
        var bad = logits.isnan().logical_or(logits.isposinf()).logical_and(visible);

        // A row whose used keys are all -inf: mark its key 0, where InputValues names it.
        var emptyRows = logits.isneginf().logical_or(future).all(-1);
        bad = bad.logical_or(emptyRows.unsqueeze(-1).logical_and(firstKey));
        if (!bad.any().item<bool>())
        {
            return;
        }

        int n = source.SequenceLength;
        long at = bad.flatten().nonzero()[0, 0].item<long>();
        double value = logits.flatten()[at].item<double>();
        throw InputValues.Unusable(source, layer, firstHead + (int)(at / ((long)n * n)), (int)(at / n % n), (int)(at % n), value);
    }
}
