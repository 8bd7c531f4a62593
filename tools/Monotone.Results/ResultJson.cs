using System.Text.Json;
using Monotone.Core;

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

    /// <summary>
    /// Reads and validates a result file: the one way every reader (status, run, verify,
    /// figures, appendix, LaTeX) gets a result, so none of them sees a damaged one.
    /// </summary>
    /// <exception cref="BadInputException">
    /// Code <see cref="RecordCodes.InvalidResult"/>: the file is missing, is not a result
    /// file, or breaks an invariant (<see cref="ResultValidation"/>); the problem says which.
    /// </exception>
    public static MonotonicityResult Read(string path)
    {
        try
        {
            return FromBytes(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new BadInputException(RecordCodes.InvalidResult, path, $"not a Monotone result file ({e.Message})");
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException(RecordCodes.InvalidResult, path, e.Message);
        }
        catch (FileNotFoundException)
        {
            throw new BadInputException(RecordCodes.InvalidResult, path, "file not found");
        }
    }

    /// <exception cref="JsonException">Not a result file of the current format.</exception>
    /// <exception cref="InvalidDataException">A result file that breaks an invariant.</exception>
    public static MonotonicityResult FromBytes(byte[] json)
    {
        var result = JsonSerializer.Deserialize<MonotonicityResult>(json, Options)
            ?? throw new JsonException("empty document");
        if (result.Format != MonotonicityResult.CurrentFormat)
        {
            throw new JsonException($"format '{result.Format}' is not {MonotonicityResult.CurrentFormat}");
        }

        return ResultValidation.Problem(result) is { } problem ? throw new InvalidDataException($"invalid result: {problem}") : result;
    }
}
