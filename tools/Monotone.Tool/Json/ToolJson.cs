using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Monotone.Tool.Json;

/// <summary>Prints one of the tool's JSON documents (docs/json.md) and a line break.</summary>
internal static class ToolJson
{
    /// <summary>The version of every shape in docs/json.md; raised only when a field is renamed or removed.</summary>
    public const int Schema = 1;

    // For files and pipes, never for HTML: '<', '>', '&' and non-ASCII text stay as they are
    // (status used to print "->" as "-\u003E"); quotes and control characters are still escaped.
    private static readonly JsonWriterOptions Writer = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write<T>(TextWriter output, T document, JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            JsonSerializer.Serialize(writer, document, type);
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
