using System.Text.Json;
using Monotone.Core;

namespace Monotone.Results;

/// <summary>Reads result files (docs/design.md §4) through <see cref="ResultJsonContext"/> and writes them through <see cref="ResultJsonWriteContext"/>. Doubles are written in shortest round-trip form.</summary>
public static class ResultJson
{
    /// <summary>The result file's name in its experiment's folder.</summary>
    public const string FileName = "monotonicity.json";

    public static byte[] ToBytes(MonotonicityResult result)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(result, ResultJsonWriteContext.Default.MonotonicityResult);
        return [.. json, (byte)'\n'];
    }

    /// <summary>
    /// Reads and validates a result file: the one way every reader (status, run, verify,
    /// figures, appendix, LaTeX) gets a result, so none of them sees a damaged one.
    /// </summary>
    /// <exception cref="BadInputException">
    /// Code <see cref="DiagnosticCodes.Record.InvalidResult"/>: the file is missing, is not a result
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
            throw new BadInputException(DiagnosticCodes.Record.InvalidResult, path, $"not a Monotone result file ({e.Message})");
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException(DiagnosticCodes.Record.InvalidResult, path, e.Message);
        }
        catch (FileNotFoundException)
        {
            throw new BadInputException(DiagnosticCodes.Record.InvalidResult, path, "file not found");
        }
    }

    /// <exception cref="JsonException">Not a result file of the current format.</exception>
    /// <exception cref="InvalidDataException">A result file that breaks an invariant.</exception>
    public static MonotonicityResult FromBytes(byte[] json)
    {
        var result = JsonSerializer.Deserialize(json, ResultJsonContext.Format.MonotonicityResult)
            ?? throw new JsonException("empty document");
        if (result.Format != MonotonicityResult.CurrentFormat)
        {
            throw new JsonException($"format '{result.Format}' is not {MonotonicityResult.CurrentFormat}");
        }

        return ResultValidation.Problem(result) is { } problem ? throw new InvalidDataException($"invalid result: {problem}") : result;
    }
}
