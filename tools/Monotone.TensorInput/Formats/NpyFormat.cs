using System.Buffers.Binary;
using System.Numerics;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Monotone.Core;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// NumPy's .npy (format spec: numpy/lib/format.py): magic, version, a header that is a
/// Python literal dict (<c>{'descr': '&lt;f4', 'fortran_order': False, 'shape': (2, 3), }</c>),
/// then the data. The header is read as NumPy reads it: <see cref="PythonLiteral"/> parses it
/// as <c>ast.literal_eval</c> does (any quoting, Python 2's <c>2L</c>), and it must be a dict
/// of exactly the keys descr, fortran_order and shape, with a tuple of integers for the shape
/// and a bool for the order. Either byte order is read (big-endian values are byte-swapped).
/// </summary>
internal static class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    private static readonly string[] Keys = ["descr", "fortran_order", "shape"];

    public static bool Matches(ReadOnlySpan<byte> head) => head.StartsWith(Magic);

    public static TensorLayout Read(string path, SafeFileHandle file)
    {
        long fileLength = RandomAccess.GetLength(file);
        byte[] prefix = new byte[12];
        ZipDirectory.ReadExactly(file, prefix.AsSpan(0, (int)Math.Min(12, fileLength)), 0);
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
            throw new BadInputException(DiagnosticCodes.Input.NpyHeader, path, $"unsupported .npy format version {major}");
        }

        if (headerStart + headerLength > fileLength)
        {
            throw new BadInputException(DiagnosticCodes.Input.Truncated, path, "truncated .npy header");
        }

        // NumPy refuses headers over 10,000 bytes unless told max_header_size; 100 MB is damage, not a header to allocate.
        if (headerLength > 100 << 20)
        {
            throw new BadInputException(DiagnosticCodes.Input.NpyHeader, path, "damaged .npy header (longer than 100 MB)");
        }

        byte[] headerBytes = new byte[headerLength];
        ZipDirectory.ReadExactly(file, headerBytes, headerStart);

        // Versions 1 and 2 are latin-1, version 3 UTF-8 (format.py's _header_size_info).
        string header;
        try
        {
            header = major == 3 ? new UTF8Encoding(false, true).GetString(headerBytes) : Encoding.Latin1.GetString(headerBytes);
        }
        catch (DecoderFallbackException)
        {
            throw new BadInputException(DiagnosticCodes.Input.NpyHeader, path, "damaged .npy header (not UTF-8)");
        }

        var (dtype, swapped, fortran, shape) = Header(path, header);

        // Fortran order is column-major: the first index varies fastest.
        long[] strides = fortran
            ? TensorLayout.RowMajorStrides([.. shape.Reverse()]).Reverse().ToArray()
            : TensorLayout.RowMajorStrides(shape);
        long dataStart = headerStart + headerLength;
        return new TensorLayout(dtype, shape, strides, 0, dataStart, (fileLength - dataStart) / dtype.ElementSize(), swapped);
    }

    /// <summary>The header's meaning, with the checks of format.py's _read_array_header and messages in its words.</summary>
    internal static (TensorDtype Dtype, bool Swapped, bool Fortran, long[] Shape) Header(string path, string header)
    {
        object? parsed;
        try
        {
            parsed = PythonLiteral.Parse(header);
        }
        catch (FormatException e)
        {
            throw new BadInputException(DiagnosticCodes.Input.NpyHeader, path, $"damaged .npy header: not a Python literal ({e.Message})");
        }

        if (parsed is not Dictionary<object, object?> dict)
        {
            throw new BadInputException(DiagnosticCodes.Input.NpyHeader, path, "damaged .npy header: not a dictionary");
        }

        var keys = dict.Keys.Select(k => k as string).ToHashSet();
        if (keys.Count != Keys.Length || !Keys.All(keys.Contains))
        {
            string found = string.Join(", ", dict.Keys.Select(k => k is string s ? $"'{s}'" : Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture)));
            throw new BadInputException(DiagnosticCodes.Input.NpyHeader, path, $"damaged .npy header: keys {{{found}}}, where NumPy requires exactly 'descr', 'fortran_order' and 'shape'");
        }

        // Integers only: isinstance(True, int) lets True past NumPy's header check, but NumPy's own
        // read_array then fails on it (`array.shape = shape`: "an integer is required", NumPy 1.26),
        // so a file NumPy cannot load is refused here too.
        long[] shape = dict["shape"] is PythonTuple { Items: var items }
            && items.All(i => i is BigInteger)
            ? [.. items.Cast<BigInteger>().Select(b => b >= long.MinValue && b <= long.MaxValue ? (long)b : throw TooLarge(path, b))]
            : throw new BadInputException(DiagnosticCodes.Input.NpyHeader, path, "damaged .npy header: 'shape' is not a tuple of integers");
        bool fortran = dict["fortran_order"] is bool order
            ? order
            : throw new BadInputException(DiagnosticCodes.Input.NpyHeader, path, "damaged .npy header: 'fortran_order' is not True or False");
        var (dtype, swapped) = dict["descr"] is string descr
            ? Dtype(path, descr)
            : throw new BadInputException(DiagnosticCodes.Input.Dtype, path, UnsupportedDtype.Message("(a structured or non-string 'descr')"));
        return (dtype, swapped, fortran, shape);
    }

    private static BadInputException TooLarge(string path, BigInteger size) =>
        new(DiagnosticCodes.Input.Shape, path, $"a size in the .npy shape ({size}) does not fit 64 bits");

    /// <summary>A NumPy type string: an optional byte order (&lt; little, &gt; big, = native, | not applicable) and a float type.</summary>
    private static (TensorDtype Dtype, bool Swapped) Dtype(string path, string descr)
    {
        char order = descr.Length > 0 && descr[0] is '<' or '>' or '=' or '|' ? descr[0] : '=';
        string type = order == descr.FirstOrDefault() ? descr[1..] : descr;
        TensorDtype? dtype = type switch
        {
            "f2" or "e" or "float16" or "half" => TensorDtype.Float16,
            "f4" or "f" or "float32" or "single" => TensorDtype.Float32,
            "f8" or "d" or "float64" or "double" or "float" => TensorDtype.Float64,
            _ => null,
        };

        // NumPy has no bfloat16; '|' (no byte order) is for one-byte types only.
        if (dtype is null || order == '|')
        {
            throw new BadInputException(DiagnosticCodes.Input.Dtype, path, UnsupportedDtype.Message($"'{descr}'"));
        }

        // '=' is the writing machine's order, which NumPy takes as the reading machine's.
        bool bigEndian = order == '>' || (order == '=' && !BitConverter.IsLittleEndian);
        return (dtype.Value, bigEndian != !BitConverter.IsLittleEndian);
    }
}
