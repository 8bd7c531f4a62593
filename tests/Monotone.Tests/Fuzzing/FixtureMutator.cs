using System.IO.Compression;
using System.Buffers.Binary;

namespace Monotone.Tests.Fuzzing;

/// <summary>
/// Mutates a committed fixture the ways a damaged or hostile file differs from a good one:
/// random bytes anywhere, pickle opcodes in a torch file's data.pkl, characters of an .npy
/// header's Python literal, and characters of a safetensors JSON header. Deterministic for a
/// given <see cref="Random"/>.
/// </summary>
internal static class FixtureMutator
{
    // Every opcode of pickle protocols 0-5 (CPython's Lib/pickletools.py), and a few that are none.
    private static readonly byte[] Opcodes =
        [.. "(.012FIJKLMNPQRSTUVXabcdeghijlopqrstu}])G"u8, .. Enumerable.Range(0x80, 0x19).Select(b => (byte)b), 0x00, 0xff, (byte)'Z'];

    private static readonly byte[] LiteralCharacters = "'\"(),:{}[] TrueFalsNonL0123456789<>=|fieu+-_.#\\\n"u8.ToArray();
    private static readonly byte[] JsonCharacters = "\"{}[],: 0123456789-.eEFBIU_adtshpoe\\"u8.ToArray();

    public static (string Kind, byte[] Bytes) Mutate(byte[] original, Random random)
    {
        byte[] bytes = (byte[])original.Clone();
        int choice = random.Next(5);
        var region = Region(original);
        if (choice == 4 && region is ("data.pkl", _, _))
        {
            return Rezipped(original, random);
        }

        if (choice == 0 || region is null)
        {
            int count = 1 + random.Next(3);
            for (int k = 0; k < count; k++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            return ($"{count} random bytes", bytes);
        }

        var (kind, start, length) = region.Value;
        int position = start + random.Next(length);
        byte[] alphabet = kind switch
        {
            "data.pkl" => Opcodes,
            "npy header" => LiteralCharacters,
            _ => JsonCharacters,
        };

        switch (choice)
        {
            case 1:
                bytes[position] = alphabet[random.Next(alphabet.Length)];
                return ($"{kind}: byte {position} set", bytes);
            case 2:
                // A digit changed: sizes, offsets, strides, storage keys.
                int digit = Array.FindIndex(bytes, start, length, b => b is >= (byte)'0' and <= (byte)'9');
                int skip = random.Next(length);
                for (int p = start + skip; p < start + length; p++)
                {
                    if (bytes[p] is >= (byte)'0' and <= (byte)'9')
                    {
                        digit = p;
                        break;
                    }
                }

                if (digit < 0)
                {
                    goto case 1;
                }

                bytes[digit] = (byte)('0' + random.Next(10));
                return ($"{kind}: digit at {digit} set", bytes);
            default:
                // Two neighbours swapped: reordered opcodes or characters.
                int next = Math.Min(position + 1, start + length - 1);
                (bytes[position], bytes[next]) = (bytes[next], bytes[position]);
                return ($"{kind}: bytes {position} and {next} swapped", bytes);
        }
    }

    /// <summary>
    /// The torch zip written again with a data.pkl one opcode longer or shorter, or with a run of
    /// it repeated: changes of length that in-place mutations cannot make.
    /// </summary>
    private static (string Kind, byte[] Bytes) Rezipped(byte[] original, Random random)
    {
        using var input = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read);
        var output = new MemoryStream();
        string kind = "";
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var read = entry.Open();
                var content = new MemoryStream();
                read.CopyTo(content);
                byte[] bytes = content.ToArray();
                if (entry.FullName.EndsWith("/data.pkl", StringComparison.Ordinal) && bytes.Length > 2)
                {
                    int at = 2 + random.Next(bytes.Length - 2);
                    (kind, bytes) = random.Next(3) switch
                    {
                        0 => ($"data.pkl: opcode inserted at {at}", (byte[])[.. bytes[..at], Opcodes[random.Next(Opcodes.Length)], .. bytes[at..]]),
                        1 => ($"data.pkl: byte {at} deleted", (byte[])[.. bytes[..at], .. bytes[(at + 1)..]]),
                        _ => ($"data.pkl: bytes {at}.. repeated", (byte[])[.. bytes[..at], .. bytes[at..Math.Min(bytes.Length, at + 1 + random.Next(16))], .. bytes[at..]]),
                    };
                }

                // NoCompression writes the Stored method, as torch.save does.
                using var write = zip.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                write.Write(bytes);
            }
        }

        return (kind, output.ToArray());
    }

    /// <summary>Where the structure lies: data.pkl in a torch zip, the .npy or safetensors header.</summary>
    private static (string Kind, int Start, int Length)? Region(byte[] file)
    {
        if (file.Length > 12 && file[0] == 0x93 && file.AsSpan(1).StartsWith("NUMPY"u8))
        {
            int start = file[6] == 1 ? 10 : 12;
            int length = file[6] == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8)) : (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(8));
            return ("npy header", start, Math.Min(length, file.Length - start));
        }

        if (file.AsSpan().StartsWith("PK"u8))
        {
            // data.pkl is stored: its bytes sit in the file as they are, after its local header.
            int name = file.AsSpan().IndexOf("/data.pkl"u8);
            if (name < 30)
            {
                return null;
            }

            int header = file.AsSpan(0, name).LastIndexOf("PK\u0003\u0004"u8);
            if (header < 0)
            {
                return null;
            }

            int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(header + 18));
            int start = header + 30 + BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(header + 26)) + BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(header + 28));
            return size > 0 && start + size <= file.Length ? ("data.pkl", start, size) : null;
        }

        if (file.Length > 9 && file[8] == (byte)'{')
        {
            long length = BinaryPrimitives.ReadInt64LittleEndian(file);
            return length > 0 && length <= file.Length - 8 ? ("safetensors header", 8, (int)length) : null;
        }

        return null;
    }
}
