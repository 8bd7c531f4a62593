using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Win32.SafeHandles;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// NumPy's .npy: magic, version, a Python-literal header dict
/// (<c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c>), then the data.
/// The header grammar is tiny and fixed by NumPy's format spec, so a few
/// patterns read it.
/// </summary>
internal static partial class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static bool Matches(ReadOnlySpan<byte> head) => head.StartsWith(Magic);

    public static TensorLayout Read(string path, SafeFileHandle file)
    {
        long fileLength = RandomAccess.GetLength(file);
        byte[] prefix = new byte[12];
        ZipDirectory.ReadExactly(file, prefix, 0);
        int major = prefix[6];
        long headerLength;
        long headerStart;
        if (major == 1)
        {
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(prefix.AsSpan(8));
            headerStart = 10;
        }
        else if (major is 2 or 3)
        {
            headerLength = BinaryPrimitives.ReadUInt32LittleEndian(prefix.AsSpan(8));
            headerStart = 12;
        }
        else
        {
            throw new BadInputException(path, $"unsupported .npy format version {major}");
        }

        if (headerStart + headerLength > fileLength)
        {
            throw new BadInputException(path, "truncated .npy header");
        }

        // NumPy writes a few hundred bytes; a larger length is damage, not a header to allocate.
        if (headerLength > 100 << 20)
        {
            throw new BadInputException(path, "damaged .npy header (longer than 100 MB)");
        }

        byte[] headerBytes = new byte[headerLength];
        ZipDirectory.ReadExactly(file, headerBytes, headerStart);
        string header = Encoding.UTF8.GetString(headerBytes);

        string descr = DescrPattern().Match(header) is { Success: true } d ? d.Groups[1].Value
            : throw new BadInputException(path, "damaged .npy header (no 'descr')");
        bool fortran = FortranPattern().Match(header) is { Success: true } f ? f.Groups[1].Value == "True"
            : throw new BadInputException(path, "damaged .npy header (no 'fortran_order')");
        long[] shape = ShapePattern().Match(header) is { Success: true } s
            ? s.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(x => long.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out long size) ? size
                    : throw new BadInputException(path, "damaged .npy header (a 'shape' entry is not a size)")).ToArray()
            : throw new BadInputException(path, "damaged .npy header (no 'shape')");

        TensorDtype dtype = descr switch
        {
            "<f2" => TensorDtype.Float16,
            "<f4" => TensorDtype.Float32,
            "<f8" => TensorDtype.Float64,
            _ => throw new BadInputException(path, TensorDtypes.Unsupported($"'{descr}'")),
        };

        // Fortran order is column-major: the first index varies fastest.
        long[] strides = fortran
            ? TensorLayout.RowMajorStrides([.. shape.Reverse()]).Reverse().ToArray()
            : TensorLayout.RowMajorStrides(shape);
        long dataStart = headerStart + headerLength;
        return new TensorLayout(dtype, shape, strides, 0, dataStart, (fileLength - dataStart) / dtype.ElementSize());
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
