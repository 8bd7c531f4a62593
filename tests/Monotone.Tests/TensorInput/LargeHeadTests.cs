using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Text;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>A head whose bytes do not fit one .NET array is still read, element by element.</summary>
public class LargeHeadTests
{
    [Fact]
    public void A_float64_head_of_2_GiB_is_read_whole()
    {
        // n = 16384 in float64: 2^31 bytes a head, past the largest byte array. A sparse file,
        // so the test writes only the header and the few elements it checks. It takes seconds
        // (2 GiB of pages faulted in twice), the least a head this large can take.
        const int n = 16384;
        using var folder = new TemporaryFolder();
        string path = folder.File("large.npy");
        long dataStart = WriteNpyHeader(path, $"{{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, {n}, {n}), }}");
        var known = new Dictionary<long, double> { [0] = 0.25, [n + 1] = 0.5, [((long)n * n / 2) + 7] = 2.0, [((long)n * n) - 1] = 4.0 };
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(dataStart + ((long)n * n * sizeof(double)));
            byte[] bytes = new byte[sizeof(double)];
            foreach (var (index, value) in known)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes, value);
                stream.Position = dataStart + (index * sizeof(double));
                stream.Write(bytes);
            }
        }

        using var tensor = AttentionTensor.Open(path);
        double[] head = GC.AllocateUninitializedArray<double>(n * n);
        tensor.ReadHead(0, 0, head);

        foreach (var (index, value) in known)
        {
            Assert.Equal(value, head[index]);
        }

        Assert.Equal(known.Values.Sum(), TensorPrimitives.Sum<double>(head));
    }

    // A version-1 .npy header, padded so the data starts on a 64-byte boundary as NumPy pads it.
    private static long WriteNpyHeader(string path, string header)
    {
        int padded = ((10 + header.Length + 1 + 63) / 64 * 64) - 10;
        string text = header.PadRight(padded - 1) + "\n";
        byte[] prefix = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 0, 0];
        BinaryPrimitives.WriteUInt16LittleEndian(prefix.AsSpan(8), (ushort)text.Length);
        File.WriteAllBytes(path, [.. prefix, .. Encoding.ASCII.GetBytes(text)]);
        return prefix.Length + text.Length;
    }
}
