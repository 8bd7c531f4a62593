using Monotone.TensorInput;

namespace Monotone.Engine;

/// <summary>What every engine says about values it cannot analyse, in the same words.</summary>
public static class InputValues
{
    /// <summary>A NaN or infinity at a position the analysis uses (keys j ≤ i); indices are 0-based, as PyTorch's.</summary>
    public static BadInputException NotFinite(IAttentionSource tensor, int layer, int head, int query, int key, double value)
    {
        string what = double.IsNaN(value) ? "NaN" : $"an infinite value ({value})";
        return new BadInputException(
            tensor.Path,
            $"contains {what} at [layer, head, query, key] = [{layer}, {head}, {query}, {key}] (0-based, as PyTorch indexes)");
    }
}
