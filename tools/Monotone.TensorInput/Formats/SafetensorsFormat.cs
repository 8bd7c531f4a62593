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
        && n > 1 && (long)n <= fileLength - 8
        && head[8] == (byte)'{';

    public static TensorLayout Read(string path, SafeFileHandle file, string? tensorName)
    {
        long fileLength = RandomAccess.GetLength(file);
        byte[] lengthBytes = new byte[8];
        ZipDirectory.ReadExactly(file, lengthBytes, 0);
        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > 100 << 20)
        {
            throw new BadInputException(path, "safetensors header larger than 100 MB");
        }

        byte[] header = new byte[headerLength];
        ZipDirectory.ReadExactly(file, header, 8);
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw new BadInputException(path, $"damaged safetensors header ({e.Message})");
        }

        using (json)
        {
            var tensors = json.RootElement.EnumerateObject().Where(p => p.Name != "__metadata__").ToList();
            JsonProperty chosen;
            if (tensorName is not null)
            {
                chosen = tensors.FirstOrDefault(p => p.Name == tensorName);
                if (chosen.Value.ValueKind == JsonValueKind.Undefined)
                {
                    throw new BadInputException(path, $"holds no tensor named '{tensorName}' (tensors: {string.Join(", ", tensors.Select(t => t.Name))})");
                }
            }
            else if (tensors.Count == 1)
            {
                chosen = tensors[0];
            }
            else
            {
                throw new BadInputException(path, $"holds {tensors.Count} tensors ({string.Join(", ", tensors.Select(t => t.Name).Take(8))}); choose one with --tensor");
            }

            return Layout(path, chosen.Value, 8 + headerLength, fileLength);
        }
    }

    private static TensorLayout Layout(string path, JsonElement tensor, long dataStart, long fileLength)
    {
        try
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
            if (offsets.Length != 2 || offsets[1] < offsets[0] || dataStart + offsets[1] > fileLength)
            {
                throw new BadInputException(path, "truncated: tensor data extends past the end of the file");
            }

            return new TensorLayout(
                dtype,
                shape,
                TensorLayout.RowMajorStrides(shape),
                0,
                dataStart + offsets[0],
                (offsets[1] - offsets[0]) / dtype.ElementSize());
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new BadInputException(path, $"damaged safetensors header ({e.Message})");
        }
    }
}
