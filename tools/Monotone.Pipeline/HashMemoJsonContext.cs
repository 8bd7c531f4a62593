using System.Text.Json.Serialization;

namespace Monotone.Pipeline;

/// <summary>
/// The serializer of <c>.monotone/fingerprints.json</c> (<see cref="HashMemo"/>), generated at
/// compile time; its names are the C# ones (<c>Value</c>, <c>Identity</c>), as the file has always had them.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, HashMemo.Entry>))]
internal sealed partial class HashMemoJsonContext : JsonSerializerContext;
