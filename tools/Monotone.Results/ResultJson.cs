using System.Text.Json;
using Monotone.Engine;
using Monotone.TensorInput;

namespace Monotone.Results;

/// <summary>Reads and writes result files. Doubles are written in shortest round-trip form.</summary>
public static class ResultJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 1,
        RespectNullableAnnotations = true,

        // A result file missing a block is unreadable (and re-analysed), not a null to trip over later.
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>
    /// Builds the serializer's metadata and compiles its code paths by writing a small
    /// result, so that a caller can do it on another thread while an analysis runs: the
    /// first serialization in a process takes about 45 ms, a fifth of a short analysis.
    /// </summary>
    public static void Prepare() => ToBytes(new MonotonicityResult(
        MonotonicityResult.CurrentFormat,
        new ToolProvenance("", "", 0, ""),
        new InputProvenance("", "", null, "", 0, [0], ""),
        new OptionsProvenance("", [0.5], 0, 0),
        [LayerStats.FromTotals(1, 1, 0.5, 0.5, 0, 0) with { Layer = 1 }]));

    public static byte[] ToBytes(MonotonicityResult result)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(result, Options);
        return [.. json, (byte)'\n'];
    }

    public static MonotonicityResult Read(string path)
    {
        try
        {
            return FromBytes(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new BadInputException(path, $"not a Monotone result file ({e.Message})");
        }
        catch (FileNotFoundException)
        {
            throw new BadInputException(path, "file not found");
        }
    }

    public static MonotonicityResult FromBytes(byte[] json)
    {
        var result = JsonSerializer.Deserialize<MonotonicityResult>(json, Options)
            ?? throw new JsonException("empty document");
        return result.Format == MonotonicityResult.CurrentFormat
            ? result
            : throw new JsonException($"format '{result.Format}' is not {MonotonicityResult.CurrentFormat}");
    }
}
