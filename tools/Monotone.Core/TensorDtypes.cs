namespace Monotone.Core;

/// <summary>Sizes and PyTorch names of <see cref="TensorDtype"/> values.</summary>
public static class TensorDtypes
{
    public static int ElementSize(this TensorDtype dtype) => dtype switch
    {
        TensorDtype.Float16 or TensorDtype.BFloat16 => 2,
        TensorDtype.Float32 => 4,
        TensorDtype.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };

    private static readonly EnumNames<TensorDtype> TorchNames = new("float16", "bfloat16", "float32", "float64");

    /// <summary>PyTorch's name for the dtype, as written in result files.</summary>
    public static string TorchName(this TensorDtype dtype) => TorchNames.Name(dtype);
}
