using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// The entries of a zip archive with the file position of each entry's data.
/// System.IO.Compression does not expose those positions, and memory-mapping a
/// stored tensor needs them, so this reads the central directory itself
/// (including the ZIP64 records that files over 4 GB use).
/// </summary>
internal sealed class ZipDirectory
{
    private const uint EndOfDirectorySignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const uint CentralEntrySignature = 0x02014b50;
    private const uint LocalHeaderSignature = 0x04034b50;

    private readonly Dictionary<string, ZipEntry> entries;

    private ZipDirectory(Dictionary<string, ZipEntry> entries) => this.entries = entries;

    public IReadOnlyCollection<ZipEntry> Entries => entries.Values;

    public ZipEntry? Find(string name) => entries.GetValueOrDefault(name);

    /// <summary>Reads the directory; a damaged archive throws <see cref="InvalidDataException"/>.</summary>
    public static ZipDirectory Read(SafeFileHandle file)
    {
        long length = RandomAccess.GetLength(file);
        int tailLength = (int)Math.Min(length, 22 + ushort.MaxValue);
        byte[] tail = new byte[tailLength];
        ReadExactly(file, tail, length - tailLength);

        int eocd = -1;
        for (int p = tailLength - 22; p >= 0; p--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(p)) == EndOfDirectorySignature)
            {
                eocd = p;
                break;
            }
        }

        if (eocd < 0)
        {
            throw new InvalidDataException("no end-of-central-directory record");
        }

        var record = tail.AsSpan(eocd);
        long count = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
        long directorySize = BinaryPrimitives.ReadUInt32LittleEndian(record[12..]);
        long directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(record[16..]);

        long eocdPosition = length - tailLength + eocd;
        if (count == ushort.MaxValue || directorySize == uint.MaxValue || directoryOffset == uint.MaxValue)
        {
            (count, directorySize, directoryOffset) = ReadZip64End(file, eocdPosition);
        }

        // Values from a ZIP64 record are 64-bit: a damaged one may be negative or larger than any file.
        if (count < 0 || directorySize < 0 || directoryOffset < 0 || directorySize > length - directoryOffset)
        {
            throw new InvalidDataException("central directory lies past the end of the file");
        }

        if (directorySize > Array.MaxLength)
        {
            throw new InvalidDataException("central directory larger than 2 GB");
        }

        byte[] directory = new byte[directorySize];
        ReadExactly(file, directory, directoryOffset);
        return new ZipDirectory(ParseEntries(file, directory, count, length));
    }

    private static (long Count, long Size, long Offset) ReadZip64End(SafeFileHandle file, long eocdPosition)
    {
        if (eocdPosition < 20)
        {
            throw new InvalidDataException("ZIP64 locator missing");
        }

        byte[] locator = new byte[20];
        ReadExactly(file, locator, eocdPosition - 20);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature)
        {
            throw new InvalidDataException("ZIP64 locator missing");
        }

        long endPosition = (long)BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8));
        byte[] end = new byte[56];
        ReadExactly(file, end, endPosition);
        if (BinaryPrimitives.ReadUInt32LittleEndian(end) != Zip64EndSignature)
        {
            throw new InvalidDataException("ZIP64 end record missing");
        }

        return (
            (long)BinaryPrimitives.ReadUInt64LittleEndian(end.AsSpan(32)),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(end.AsSpan(40)),
            (long)BinaryPrimitives.ReadUInt64LittleEndian(end.AsSpan(48)));
    }

    private static Dictionary<string, ZipEntry> ParseEntries(SafeFileHandle file, byte[] directory, long count, long fileLength)
    {
        var result = new Dictionary<string, ZipEntry>(StringComparer.Ordinal);
        int p = 0;
        for (long e = 0; e < count; e++)
        {
            var header = directory.AsSpan(p);
            if (header.Length < 46 || BinaryPrimitives.ReadUInt32LittleEndian(header) != CentralEntrySignature)
            {
                throw new InvalidDataException("damaged central directory");
            }

            int method = BinaryPrimitives.ReadUInt16LittleEndian(header[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(header[20..]);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            long localOffset = BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            if (header.Length < 46 + nameLength + extraLength + commentLength)
            {
                throw new InvalidDataException("damaged central directory");
            }

            string name = System.Text.Encoding.UTF8.GetString(header.Slice(46, nameLength));
            var extra = header.Slice(46 + nameLength, extraLength);
            ApplyZip64Extra(extra, ref size, ref compressed, ref localOffset);

            long dataPosition = DataPosition(file, localOffset);
            if (size < 0 || compressed < 0 || compressed > fileLength - dataPosition)
            {
                throw new InvalidDataException($"entry {name} extends past the end of the file");
            }

            result[name] = new ZipEntry(name, method, size, compressed, dataPosition);
            p += 46 + nameLength + extraLength + commentLength;
        }

        return result;
    }

    // ZIP64 stores the real 64-bit values in an extra field, in this order, only
    // for the fields whose 32-bit slot holds 0xFFFFFFFF.
    private static void ApplyZip64Extra(ReadOnlySpan<byte> extra, ref long size, ref long compressed, ref long localOffset)
    {
        while (extra.Length >= 4)
        {
            int id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            int length = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            var body = extra.Slice(4, Math.Min(length, extra.Length - 4));
            if (id == 1)
            {
                int q = 0;
                if (size == uint.MaxValue && q + 8 <= body.Length)
                {
                    size = (long)BinaryPrimitives.ReadUInt64LittleEndian(body[q..]);
                    q += 8;
                }

                if (compressed == uint.MaxValue && q + 8 <= body.Length)
                {
                    compressed = (long)BinaryPrimitives.ReadUInt64LittleEndian(body[q..]);
                    q += 8;
                }

                if (localOffset == uint.MaxValue && q + 8 <= body.Length)
                {
                    localOffset = (long)BinaryPrimitives.ReadUInt64LittleEndian(body[q..]);
                }

                return;
            }

            extra = extra[Math.Min(extra.Length, 4 + length)..];
        }
    }

    private static long DataPosition(SafeFileHandle file, long localOffset)
    {
        byte[] local = new byte[30];
        ReadExactly(file, local, localOffset);
        if (BinaryPrimitives.ReadUInt32LittleEndian(local) != LocalHeaderSignature)
        {
            throw new InvalidDataException("damaged local file header");
        }

        int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(26));
        int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(local.AsSpan(28));
        return localOffset + 30 + nameLength + extraLength;
    }

    internal static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long position)
    {
        // A position read from a damaged file may be negative, which RandomAccess rejects with an ArgumentException.
        if (position < 0)
        {
            throw new InvalidDataException("a record points before the start of the file");
        }

        while (buffer.Length > 0)
        {
            int read = RandomAccess.Read(file, buffer, position);
            if (read <= 0)
            {
                throw new InvalidDataException("unexpected end of file");
            }

            buffer = buffer[read..];
            position += read;
        }
    }
}

/// <summary>One archive member; <see cref="DataPosition"/> is where its bytes start in the file.</summary>
internal sealed record ZipEntry(string Name, int Method, long Size, long CompressedSize, long DataPosition)
{
    public bool IsStored => Method == 0;
}
