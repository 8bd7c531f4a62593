using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;
using Monotone.Core;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// .safetensors: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw row-major data. Refused as the
/// safetensors library refuses them (its <c>Metadata::validate</c>): a name given twice,
/// byte ranges that overlap or leave a gap, data that does not end where the file does.
/// </summary>
internal static class SafetensorsFormat
{
    public static bool Matches(ReadOnlySpan<byte> head, long fileLength) =>
        head.Length >= 9
        && BinaryPrimitives.ReadUInt64LittleEndian(head) is var n
        && n > 1 && n <= (ulong)(fileLength - 8)
        && head[8] == (byte)'{';

    public static TensorLayout Read(string path, SafeFileHandle file, string? tensorName)
    {
        long fileLength = RandomAccess.GetLength(file);
        byte[] lengthBytes = new byte[8];
        ZipDirectory.ReadExactly(file, lengthBytes, 0);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > 100 << 20)
        {
            throw new BadInputException(DiagnosticCodes.Input.SafetensorsHeader, path, "safetensors header larger than 100 MB");
        }

        byte[] header = new byte[headerLength];
        ZipDirectory.ReadExactly(file, header, 8);

        // JsonElement reports a header of the wrong shape (a value of the wrong kind, invalid
        // UTF-8 in a name) with InvalidOperationException, a missing key with KeyNotFoundException.
        try
        {
            using var json = JsonDocument.Parse(header);
            long dataStart = 8 + (long)headerLength;
            var tensors = Tensors(path, json.RootElement);

            // Every tensor is checked, as safetensors checks them, not only the one analysed.
            CheckCoverage(path, tensors.Select(t => (t.Name, Range: Range(path, t.Value, fileLength - dataStart))), fileLength - dataStart);
            string chosen = Choose(path, tensors.Select(t => t.Name).ToList(), tensorName);
            return Layout(path, tensors.First(t => t.Name == chosen).Value, dataStart, fileLength);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BadInputException(DiagnosticCodes.Input.SafetensorsHeader, path, $"damaged safetensors header ({e.Message})");
        }
    }

    private static List<JsonProperty> Tensors(string path, JsonElement root)
    {
        // The format's metadata is a map of strings to strings (safetensors' `Option<HashMap<String,
        // String>>`, where null is None): the library refuses a header with anything else there, so this does too.
        if (root.TryGetProperty("__metadata__", out var metadata)
            && metadata.ValueKind != JsonValueKind.Null
            && (metadata.ValueKind != JsonValueKind.Object || metadata.EnumerateObject().Any(m => m.Value.ValueKind != JsonValueKind.String)))
        {
            throw new BadInputException(DiagnosticCodes.Input.SafetensorsHeader, path, "damaged safetensors header ('__metadata__' must map strings to strings)");
        }

        var tensors = root.EnumerateObject().Where(p => p.Name != "__metadata__").ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
        {
            if (!names.Add(tensor.Name))
            {
                throw new BadInputException(DiagnosticCodes.Input.SafetensorsHeader, path, $"damaged safetensors header (tensor '{tensor.Name}' is named twice)");
            }
        }

        return tensors;
    }

    /// <summary>
    /// Sorted by their first byte, the tensors' ranges must follow each other from 0 to the end of
    /// the file without overlap or gap, as safetensors' <c>Metadata::validate</c> requires.
    /// </summary>
    private static void CheckCoverage(string path, IEnumerable<(string Name, (long Begin, long End) Range)> tensors, long dataLength)
    {
        long end = 0;
        string? previous = null;
        foreach (var (name, (start, stop)) in tensors.OrderBy(t => t.Range.Begin).ThenBy(t => t.Range.End))
        {
            if (start < end)
            {
                throw new BadInputException(DiagnosticCodes.Input.SafetensorsHeader, path, $"damaged safetensors header (the byte ranges of '{previous}' and '{name}' overlap)");
            }

            if (start > end)
            {
                throw new BadInputException(DiagnosticCodes.Input.SafetensorsHeader, path, $"damaged safetensors header (bytes {end}..{start} before '{name}' belong to no tensor)");
            }

            end = stop;
            previous = name;
        }

        if (end < dataLength)
        {
            throw new BadInputException(DiagnosticCodes.Input.SafetensorsHeader, path, $"damaged safetensors header ({dataLength - end} bytes after the last tensor's data belong to no tensor)");
        }
    }

    /// <summary>
    /// A tensor's byte range, checked as safetensors checks it: a pair of offsets whose length
    /// is exactly the shape's elements times the dtype's size (for every dtype safetensors knows).
    /// </summary>
    private static (long Begin, long End) Range(string path, JsonElement tensor, long dataLength)
    {
        var offsets = tensor.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0])
        {
            throw new BadInputException(DiagnosticCodes.Input.SafetensorsHeader, path, "damaged safetensors header ('data_offsets' is not a byte range)");
        }

        if (offsets[1] > dataLength)
        {
            throw new BadInputException(DiagnosticCodes.Input.Truncated, path, "truncated: tensor data extends past the end of the file");
        }

        string dtypeName = tensor.GetProperty("dtype").GetString() ?? "";
        long[] shape = tensor.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        if (ElementBytes(dtypeName) is { } size && (shape.Any(s => s < 0) || DataBytes(shape, size) != offsets[1] - offsets[0]))
        {
            throw new BadInputException(DiagnosticCodes.Input.SafetensorsHeader, path, $"damaged safetensors header (shape [{string.Join(", ", shape)}] of {dtypeName} does not fill bytes {offsets[0]}..{offsets[1]})");
        }

        return (offsets[0], offsets[1]);
    }

    // The element sizes of safetensors' Dtype enum; null for a name it does not know.
    private static int? ElementBytes(string dtype) => dtype switch
    {
        "BOOL" or "U8" or "I8" or "F8_E5M2" or "F8_E4M3" or "F8_E8M0" => 1,
        "U16" or "I16" or "F16" or "BF16" => 2,
        "U32" or "I32" or "F32" => 4,
        "U64" or "I64" or "F64" or "C64" => 8,
        _ => null,
    };

    private static string Choose(string path, List<string> names, string? tensorName)
    {
        if (tensorName is not null)
        {
            return names.Contains(tensorName)
                ? tensorName
                : throw new BadInputException(DiagnosticCodes.Input.TensorChoice, path, $"holds no tensor named '{tensorName}' (tensors: {string.Join(", ", names)})");
        }

        return names.Count == 1
            ? names[0]
            : throw new BadInputException(DiagnosticCodes.Input.TensorChoice, path, $"holds {names.Count} tensors ({string.Join(", ", names.Take(8))}{(names.Count > 8 ? ", ..." : "")}); choose one with --tensor");
    }

    private static TensorLayout Layout(string path, JsonElement tensor, long dataStart, long fileLength)
    {
        string dtypeName = tensor.GetProperty("dtype").GetString() ?? "";
        TensorDtype dtype = dtypeName switch
        {
            "F16" => TensorDtype.Float16,
            "BF16" => TensorDtype.BFloat16,
            "F32" => TensorDtype.Float32,
            "F64" => TensorDtype.Float64,
            _ => throw new BadInputException(DiagnosticCodes.Input.Dtype, path, UnsupportedDtype.Message(dtypeName)),
        };
        long[] shape = tensor.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();

        // Range checked that the byte range is exactly the elements; CheckCoverage that it lies in the file.
        var (begin, end) = Range(path, tensor, fileLength - dataStart);
        long[] offsets = [begin, end];

        return new TensorLayout(
            dtype,
            shape,
            TensorLayout.RowMajorStrides(shape),
            0,
            dataStart + offsets[0],
            (offsets[1] - offsets[0]) / dtype.ElementSize());
    }

    // -1 where the size does not fit a long, which no byte range equals.
    private static long DataBytes(long[] shape, int elementBytes)
    {
        try
        {
            return checked(shape.Aggregate((long)elementBytes, (product, size) => product * size));
        }
        catch (OverflowException)
        {
            return -1;
        }
    }
}
