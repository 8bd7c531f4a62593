using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.Win32.SafeHandles;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// .safetensors: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw row-major data.
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
            throw new BadInputException(path, "safetensors header larger than 100 MB");
        }

        byte[] header = new byte[headerLength];
        ZipDirectory.ReadExactly(file, header, 8);

        // JsonElement reports a header of the wrong shape (a value of the wrong kind, invalid
        // UTF-8 in a name) with InvalidOperationException, a missing key with KeyNotFoundException.
        try
        {
            using var json = JsonDocument.Parse(header);
            return Layout(path, Choose(path, json.RootElement, tensorName), 8 + (long)headerLength, fileLength);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BadInputException(path, $"damaged safetensors header ({e.Message})");
        }
    }

    private static JsonElement Choose(string path, JsonElement root, string? tensorName)
    {
        var tensors = root.EnumerateObject().Where(p => p.Name != "__metadata__").ToList();
        if (tensorName is not null)
        {
            var chosen = tensors.FirstOrDefault(p => p.Name == tensorName);
            return chosen.Value.ValueKind != JsonValueKind.Undefined
                ? chosen.Value
                : throw new BadInputException(path, $"holds no tensor named '{tensorName}' (tensors: {string.Join(", ", tensors.Select(t => t.Name))})");
        }

        return tensors.Count == 1
            ? tensors[0].Value
            : throw new BadInputException(path, $"holds {tensors.Count} tensors ({string.Join(", ", tensors.Select(t => t.Name).Take(8))}); choose one with --tensor");
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
            _ => throw new BadInputException(path, TensorDtypes.Unsupported(dtypeName)),
        };
        long[] shape = tensor.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var offsets = tensor.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0])
        {
            throw new BadInputException(path, "damaged safetensors header ('data_offsets' is not a byte range)");
        }

        if (offsets[1] > fileLength - dataStart)
        {
            throw new BadInputException(path, "truncated: tensor data extends past the end of the file");
        }

        // The format stores each tensor densely: its byte range is exactly its elements.
        if (shape.Any(s => s < 0) || DataBytes(shape, dtype) != offsets[1] - offsets[0])
        {
            throw new BadInputException(path, $"damaged safetensors header (shape [{string.Join(", ", shape)}] of {dtypeName} does not fill bytes {offsets[0]}..{offsets[1]})");
        }

        return new TensorLayout(
            dtype,
            shape,
            TensorLayout.RowMajorStrides(shape),
            0,
            dataStart + offsets[0],
            (offsets[1] - offsets[0]) / dtype.ElementSize());
    }

    // -1 where the size does not fit a long, which no byte range equals.
    private static long DataBytes(long[] shape, TensorDtype dtype)
    {
        try
        {
            return checked(shape.Aggregate((long)dtype.ElementSize(), (product, size) => product * size));
        }
        catch (OverflowException)
        {
            return -1;
        }
    }
}
