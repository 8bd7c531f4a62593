namespace Monotone.Core;

/// <summary>The one mapping between <see cref="InputFormat"/> and the names result files record.</summary>
public static class InputFormats
{
    private static readonly EnumNames<InputFormat> Spellings = new("torch", "safetensors", "npy", "synthetic");

    /// <summary>The spelling of <c>input.format</c> in result files: "torch", "safetensors", "npy" or "synthetic".</summary>
    public static string Spelling(this InputFormat format) => Spellings.Name(format);
}
