using System.Text.Json.Serialization;

namespace Monotone.Results;

/// <summary>
/// The result file's writer, and the one statement of the file format's options: snake_case names,
/// one-space indentation, required blocks and non-null fields enforced on reading
/// (<see cref="ResultJsonContext"/> reads with a copy of them). It holds only the generated
/// serialization code (<see cref="JsonSourceGenerationMode.Serialization"/>), which writes a result
/// straight through a <c>Utf8JsonWriter</c>. Writing through a context with property metadata first
/// builds that metadata (what reading needs), about half of the time of writing the first result in
/// a process, on the critical path of every short <c>analyze</c> (docs/building.md, "Start-up").
/// The same bytes either way: <c>StartupPathTests</c>.
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
