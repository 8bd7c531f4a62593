using System.Text.Json.Serialization;

namespace Monotone.Results;

/// <summary>
/// The result file's writer: <see cref="ResultJsonContext"/>'s options with only the generated
/// serialization code (<see cref="JsonSourceGenerationMode.Serialization"/>), which writes a
/// result straight through a <c>Utf8JsonWriter</c>. Writing through <see cref="ResultJsonContext"/>
/// first builds its property metadata (what reading needs), about half of the time of writing
/// the first result in a process, on the critical path of every short <c>analyze</c>
/// (docs/building.md, "Start-up"). The same bytes either way: <c>StartupPathTests</c>.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    IndentSize = 1,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(MonotonicityResult))]
internal sealed partial class ResultJsonWriteContext : JsonSerializerContext;
