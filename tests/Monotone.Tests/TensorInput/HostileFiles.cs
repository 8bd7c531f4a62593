using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Monotone.Tests.TensorInput;

/// <summary>
/// Writes hostile tensor files at test time, opcode by opcode, so that no opaque blob is
/// committed: torch.save zips around hand-written data.pkl streams, and the pickle pieces
/// (protocol 2, as torch.save writes) to build them.
/// </summary>
internal static class HostileFiles
{
    /// <summary>A torch.save zip: <c>archive/data.pkl</c>, stored, and the given storage records <c>archive/data/{key}</c>.</summary>
    public static void WriteTorchZip(string path, byte[] dataPkl, params (string Key, byte[] Bytes)[] storages)
    {
        using var stream = File.Create(path);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create);
        Add(zip, "archive/data.pkl", dataPkl);
        foreach (var (key, bytes) in storages)
        {
            Add(zip, $"archive/data/{key}", bytes);
        }

        Add(zip, "archive/version", "3\n"u8.ToArray());
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        // NoCompression writes the Stored method, as torch.save does.
        using var entry = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        entry.Write(bytes);
    }

    /// <summary>
    /// data.pkl of one float32 tensor: <c>_rebuild_tensor_v2(storage '0' of <paramref name="elements"/>
    /// floats, offset, shape, strides, False, OrderedDict())</c>.
    /// </summary>
    public static byte[] TensorPickle(long[] shape, long[] strides, long offset = 0, int elements = 1)
    {
        var p = new PickleWriter();
        p.Proto();
        p.Global("torch._utils", "_rebuild_tensor_v2");
        p.Mark();
        p.Mark().Str("storage").Global("torch", "FloatStorage").Str("0").Str("cpu").Int(elements).Tuple().Op(0x51); // BINPERSID
        p.Int(offset);
        p.Mark();
        foreach (long s in shape)
        {
            p.Int(s);
        }

        p.Tuple().Mark();
        foreach (long s in strides)
        {
            p.Int(s);
        }

        p.Tuple().Op(0x89); // NEWFALSE
        p.Global("collections", "OrderedDict").Op((byte)')').Op((byte)'R');
        p.Tuple().Op((byte)'R').Op((byte)'.');
        return p.ToArray();
    }

    /// <summary>Pickle opcodes written one by one (CPython's Lib/pickletools.py names them).</summary>
    internal sealed class PickleWriter
    {
        private readonly MemoryStream bytes = new();

        public PickleWriter Op(byte opcode)
        {
            bytes.WriteByte(opcode);
            return this;
        }

        public PickleWriter Proto() => Op(0x80).Op(2);

        public PickleWriter Mark() => Op((byte)'(');

        public PickleWriter Tuple() => Op((byte)'t');

        public PickleWriter Global(string module, string name)
        {
            Op((byte)'c');
            bytes.Write(Encoding.UTF8.GetBytes($"{module}\n{name}\n"));
            return this;
        }

        public PickleWriter Str(string text)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(text);
            Op((byte)'X');
            Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, utf8.Length);
            bytes.Write(length);
            bytes.Write(utf8);
            return this;
        }

        public PickleWriter Int(long value)
        {
            if (value is >= int.MinValue and <= int.MaxValue)
            {
                Op((byte)'J');
                Span<byte> four = stackalloc byte[4];
                BinaryPrimitives.WriteInt32LittleEndian(four, (int)value);
                bytes.Write(four);
                return this;
            }

            Op(0x8a).Op(8);
            Span<byte> eight = stackalloc byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(eight, value);
            bytes.Write(eight);
            return this;
        }

        public PickleWriter Raw(ReadOnlySpan<byte> raw)
        {
            bytes.Write(raw);
            return this;
        }

        public byte[] ToArray() => bytes.ToArray();
    }
}
