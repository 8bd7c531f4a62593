using System.Text.Json.Serialization;
using Monotone.Tool.Diff;

namespace Monotone.Tool.Json;

/// <summary>
/// The serializer of every JSON document the tool prints (docs/json.md), generated at compile
/// time: snake_case names, indented, nulls written. <see cref="ToolJson"/> writes them without
/// escaping <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> or non-ASCII text.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    Converters = [typeof(SnakeCaseEnumConverter<DiffStatus>), typeof(SnakeCaseEnumConverter<RunOutcome>), typeof(SnakeCaseEnumConverter<VerifyOutcome>)])]
[JsonSerializable(typeof(DiffJson.Document), TypeInfoPropertyName = "DiffDocument")]
[JsonSerializable(typeof(StatusJson.Document), TypeInfoPropertyName = "StatusDocument")]
[JsonSerializable(typeof(RunJson.Document), TypeInfoPropertyName = "RunDocument")]
[JsonSerializable(typeof(VerifyJson.Document), TypeInfoPropertyName = "VerifyDocument")]
internal sealed partial class ToolJsonContext : JsonSerializerContext;
