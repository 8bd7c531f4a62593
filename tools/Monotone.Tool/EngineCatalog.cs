using Monotone.Engine;

namespace Monotone.Tool;

/// <summary>
/// The engines a user can choose by name. It lives in the tool, the one place
/// that references every engine project.
/// </summary>
internal static class EngineCatalog
{
    public const string Default = "reference";

    public static IReadOnlyList<string> Names { get; } = ["reference"];

    /// <param name="name">An engine's name; null for the default.</param>
    public static IMonotonicityEngine Create(string? name) => (name ?? Default) switch
    {
        "reference" => new ReferenceEngine(),
        _ => throw new ArgumentException($"unknown engine '{name}' (choose {string.Join(", ", Names)})", nameof(name)),
    };
}
