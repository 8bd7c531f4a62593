namespace Monotone.Benchmarks;

/// <summary>The notebook's five models (docs/design.md §2): label, layers, heads.</summary>
internal static class ModelShapes
{
    public static IReadOnlyList<(string Label, int Layers, int Heads)> All { get; } =
    [
        ("mpt-7b", 32, 32),
        ("bloom-176b", 70, 112),
        ("bloom-7b", 30, 32),
        ("falcon-rw-7b", 36, 64),
        ("mpt-30b", 48, 64),
    ];

    public static (string Label, int Layers, int Heads) Get(string label) =>
        All.FirstOrDefault(m => m.Label == label) is { Label: not null } shape
            ? shape
            : throw new ArgumentException($"unknown model '{label}' (choose {string.Join(", ", All.Select(m => m.Label))})");
}
