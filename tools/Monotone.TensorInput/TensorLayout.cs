using Monotone.Core;

namespace Monotone.TensorInput;

/// <summary>
/// Where a tensor's elements lie in its file: the storage's first byte, its length
/// in elements, and PyTorch's view (shape, strides and offset, all in elements).
/// <paramref name="Swapped"/>: elements are stored in the other byte order than this
/// machine's (a big-endian .npy file) and are byte-swapped as they are read.
/// </summary>
internal sealed record TensorLayout(
    TensorDtype Dtype,
    long[] Shape,
    long[] Strides,
    long StorageOffset,
    long StorageFilePosition,
    long StorageElements,
    bool Swapped = false)
{
    public static long[] RowMajorStrides(long[] shape)
    {
        var strides = new long[shape.Length];
        long step = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = step;
            step *= Math.Max(shape[d], 1);
        }

        return strides;
    }

    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The largest storage index the view touches, or -1 for an empty view.</summary>
    /// <exception cref="OverflowException">The index does not fit a long (a damaged header).</exception>
    public long LastIndex()
    {
        if (Shape.Any(s => s == 0))
        {
            return -1;
        }

        long last = StorageOffset;
        for (int d = 0; d < Shape.Length; d++)
        {
            last = checked(last + ((Shape[d] - 1) * Strides[d]));
        }

        return last;
    }
}
