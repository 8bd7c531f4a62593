using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monotone.Results;

/// <summary>
/// The result file's reader, generated at compile time (System.Text.Json source generation): the
/// property metadata that reading needs, with no reflection. It has no options of its own: it reads
/// with a copy of <see cref="ResultJsonWriteContext"/>'s, so the file format's options (snake_case
/// names, required blocks and non-null fields enforced on reading, so that a damaged file is
/// re-analysed rather than read as nulls) are written once, where the writer's generated code needs
/// them at compile time.
/// </summary>
[JsonSerializable(typeof(MonotonicityResult))]
internal sealed partial class ResultJsonContext : JsonSerializerContext
{
    /// <summary>The reader, with the writer's options.</summary>
    public static ResultJsonContext Format { get; } = new(new JsonSerializerOptions(ResultJsonWriteContext.Default.Options));
}
