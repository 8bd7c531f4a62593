namespace Monotone.Core;

/// <summary>The one mapping between <see cref="EngineKind"/> and its names on the command line and in manifests.</summary>
public static class EngineKinds
{
    private static readonly EnumNames<EngineKind> Table = new("fast", "reference", "torch", "auto");

    /// <summary>Every name, in <see cref="EngineKind"/>'s order: what help, completions and errors list.</summary>
    public static IReadOnlyList<string> Names => Table.Names;

    /// <summary>The name a user writes and a message shows: "fast", "reference", "torch" or "auto".</summary>
    public static string Name(this EngineKind kind) => Table.Name(kind);

    /// <summary>Reads a name exactly as <see cref="Names"/> spells it (lower case); numbers are not names.</summary>
    public static bool TryParse(string? text, out EngineKind kind) => Table.TryParse(text, out kind);

    /// <summary>Whether the engine runs on TorchSharp, so <c>--device</c> and <c>--chunk-memory</c> apply.</summary>
    public static bool UsesDevice(this EngineKind kind) => kind is EngineKind.Torch or EngineKind.Auto;
}
