using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monotone.Tool.Json;

/// <summary>Writes an enum's members as snake_case strings (<c>Unchanged</c> as <c>"unchanged"</c>) in the tool's JSON.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
