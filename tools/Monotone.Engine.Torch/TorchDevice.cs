using System.Globalization;

namespace Monotone.Engine.Torch;

/// <summary>Where the torch engine computes: the CPU or one CUDA GPU, named as PyTorch names them.</summary>
public readonly record struct TorchDevice
{
    private TorchDevice(bool isCuda, int index)
    {
        IsCuda = isCuda;
        Index = index;
    }

    public static TorchDevice Cpu { get; } = new(false, 0);

    public static TorchDevice Cuda(int index = 0) => new(true, index);

    public bool IsCuda { get; }

    /// <summary>The GPU's number for CUDA; 0 for the CPU.</summary>
    public int Index { get; }

    /// <summary>Parses <c>cpu</c>, <c>cuda</c> (the first GPU) or <c>cuda:N</c>.</summary>
    public static bool TryParse(string text, out TorchDevice device)
    {
        device = Cpu;
        string t = text.Trim().ToLowerInvariant();
        if (t == "cpu")
        {
            return true;
        }

        if (t == "cuda")
        {
            device = Cuda();
            return true;
        }

        if (t.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(t.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            device = Cuda(index);
            return true;
        }

        return false;
    }

    public override string ToString() => IsCuda ? $"cuda:{Index}" : "cpu";
}
