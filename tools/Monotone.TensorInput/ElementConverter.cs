using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Monotone.TensorInput;

/// <summary>Widens one row of stored elements to float64, exactly (every source type fits).</summary>
internal static unsafe class ElementConverter
{
    public static void ToDouble(TensorDtype dtype, byte* row, long stride, Span<double> destination)
    {
        if (stride == 1)
        {
            Contiguous(dtype, row, destination);
            return;
        }

        int size = dtype.ElementSize();
        for (int j = 0; j < destination.Length; j++)
        {
            Contiguous(dtype, row + j * stride * size, destination.Slice(j, 1));
        }
    }

    private static void Contiguous(TensorDtype dtype, byte* source, Span<double> destination)
    {
        int n = destination.Length;
        switch (dtype)
        {
            case TensorDtype.Float64:
                new ReadOnlySpan<double>(source, n).CopyTo(destination);
                break;
            case TensorDtype.Float32:
                TensorPrimitives.ConvertChecked<float, double>(new ReadOnlySpan<float>(source, n), destination);
                break;
            case TensorDtype.Float16:
                TensorPrimitives.ConvertChecked<Half, double>(new ReadOnlySpan<Half>(source, n), destination);
                break;
            case TensorDtype.BFloat16:
                // bfloat16 is the upper half of a float32's bits.
                var bits = new ReadOnlySpan<ushort>(source, n);
                for (int j = 0; j < n; j++)
                {
                    destination[j] = BitConverter.Int32BitsToSingle(bits[j] << 16);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(dtype));
        }
    }
}
