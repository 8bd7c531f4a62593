using System.Text.Json.Serialization;

namespace Monotone.Results;

/// <summary>
/// The result file's serializer, generated at compile time (System.Text.Json source generation):
/// no reflection and no warm-up when a process writes its first result. The options are the
/// file format's: snake_case names, one-space indentation, required blocks and non-null fields
/// enforced on reading (a damaged file is re-analysed, not read as nulls).
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    IndentSize = 1,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(MonotonicityResult))]
internal sealed partial class ResultJsonContext : JsonSerializerContext;
