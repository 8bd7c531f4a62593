namespace Monotone.Core;

/// <summary>The element types an attention tensor may have.</summary>
public enum TensorDtype
{
    Float16,
    BFloat16,
    Float32,
    Float64,
}
