namespace Monotone.Engine;

/// <summary>The engines a user can choose by name.</summary>
public static class Engines
{
    public const string Default = "reference";

    public static IReadOnlyList<string> Names { get; } = ["reference"];

    public static IMonotonicityEngine Create(string name) => name switch
    {
        "reference" => new ReferenceEngine(),
        _ => throw new ArgumentException($"unknown engine '{name}' (choose {string.Join(", ", Names)})", nameof(name)),
    };
}
