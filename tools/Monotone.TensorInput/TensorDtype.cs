namespace Monotone.TensorInput;

/// <summary>The element types an attention tensor may have.</summary>
public enum TensorDtype
{
    Float16,
    BFloat16,
    Float32,
    Float64,
}

public static class TensorDtypes
{
    public static int ElementSize(this TensorDtype dtype) => dtype switch
    {
        TensorDtype.Float16 or TensorDtype.BFloat16 => 2,
        TensorDtype.Float32 => 4,
        TensorDtype.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };

    /// <summary>PyTorch's name for the dtype, as written in result files.</summary>
    public static string TorchName(this TensorDtype dtype) => dtype switch
    {
        TensorDtype.Float16 => "float16",
        TensorDtype.BFloat16 => "bfloat16",
        TensorDtype.Float32 => "float32",
        TensorDtype.Float64 => "float64",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };

    internal static string Unsupported(string found) =>
        $"unsupported dtype {found} (expected float16, bfloat16, float32 or float64)";
}
