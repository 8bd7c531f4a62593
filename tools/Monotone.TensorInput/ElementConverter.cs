using System.Buffers.Binary;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Monotone.Core;

namespace Monotone.TensorInput;

/// <summary>Widens one row of stored elements to float64, exactly (every source type fits).</summary>
internal static unsafe class ElementConverter
{
    /// <param name="swapped">Elements are in the other byte order than this machine's (a big-endian .npy file).</param>
    public static void ToDouble(TensorDtype dtype, byte* row, long stride, Span<double> destination, bool swapped = false)
    {
        if (swapped)
        {
            long bytes = stride * dtype.ElementSize();
            for (int j = 0; j < destination.Length; j++)
            {
                destination[j] = OneSwapped(dtype, row + (j * bytes));
            }

            return;
        }

        if (stride == 1)
        {
            Contiguous(dtype, row, destination);
            return;
        }

        // A transposed or Fortran-order row: one element at a time, without a span per element.
        long step = stride * dtype.ElementSize();
        for (int j = 0; j < destination.Length; j++)
        {
            destination[j] = One(dtype, row + (j * step));
        }
    }

    private static double One(TensorDtype dtype, byte* element) => dtype switch
    {
        TensorDtype.Float64 => *(double*)element,
        TensorDtype.Float32 => *(float*)element,
        TensorDtype.Float16 => (double)*(Half*)element,
        TensorDtype.BFloat16 => BFloat16(*(ushort*)element),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };

    // The same bits as One reads, byte-reversed first; exact, as the values are.
    private static double OneSwapped(TensorDtype dtype, byte* element) => dtype switch
    {
        TensorDtype.Float64 => BitConverter.Int64BitsToDouble(BinaryPrimitives.ReverseEndianness(*(long*)element)),
        TensorDtype.Float32 => BitConverter.Int32BitsToSingle(BinaryPrimitives.ReverseEndianness(*(int*)element)),
        TensorDtype.Float16 => (double)BitConverter.Int16BitsToHalf(BinaryPrimitives.ReverseEndianness(*(short*)element)),
        TensorDtype.BFloat16 => BFloat16(BinaryPrimitives.ReverseEndianness(*(ushort*)element)),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };

    // bfloat16 is the upper half of a float32's bits.
    private static float BFloat16(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);

    /// <summary>
    /// float32 to float64 with Vector&lt;T&gt;, compiled optimised on its first call
    /// (it has a loop: docs/performance.md "Warm-up"): the common
    /// dtype, converted row by row of every head, so a sub-second analysis must not run it
    /// as tier-0 code, as it would TensorPrimitives.ConvertChecked for its first tenth of a second.
    /// </summary>
    private static void WidenSingles(ReadOnlySpan<float> source, Span<double> destination)
    {
        int width = Vector<float>.Count;
        int j = 0;
        for (; j <= source.Length - width; j += width)
        {
            Vector.Widen(new Vector<float>(source[j..]), out var low, out var high);
            low.CopyTo(destination[j..]);
            high.CopyTo(destination[(j + (width / 2))..]);
        }

        for (; j < source.Length; j++)
        {
            destination[j] = source[j];
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
                WidenSingles(new ReadOnlySpan<float>(source, n), destination);
                break;
            case TensorDtype.Float16:
                TensorPrimitives.ConvertChecked<Half, double>(new ReadOnlySpan<Half>(source, n), destination);
                break;
            case TensorDtype.BFloat16:
                var bits = new ReadOnlySpan<ushort>(source, n);
                for (int j = 0; j < n; j++)
                {
                    destination[j] = BFloat16(bits[j]);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(dtype));
        }
    }
}
