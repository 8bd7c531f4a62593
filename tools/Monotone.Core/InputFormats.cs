namespace Monotone.Core;

/// <summary>The one mapping between <see cref="InputFormat"/> and the names result files record.</summary>
public static class InputFormats
{
    /// <summary>The spelling of <c>input.format</c> in result files: "torch", "safetensors", "npy" or "synthetic".</summary>
    public static string Spelling(this InputFormat format) => format switch
    {
        InputFormat.Torch => "torch",
        InputFormat.Safetensors => "safetensors",
        InputFormat.Npy => "npy",
        InputFormat.Synthetic => "synthetic",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not an input format"),
    };
}
