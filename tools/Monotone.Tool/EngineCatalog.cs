using Monotone.Engine;

namespace Monotone.Tool;

/// <summary>
/// The engines a user can choose by name. It lives in the tool, the one place
/// that references every engine project.
/// </summary>
internal static class EngineCatalog
{
    /// <summary>The fast engine: it equals the reference on every notebook fixture and on random inputs.</summary>
    public const string Default = "fast";

    public static IReadOnlyList<string> Names { get; } = ["fast", "reference"];

    /// <param name="jobs">How many layers the fast engine analyses at once; 0 for one per processor.</param>
    public static IMonotonicityEngine Create(string name, int jobs = 0) => name switch
    {
        "fast" => new FastEngine(jobs),
        "reference" => new ReferenceEngine(),
        _ => throw new ArgumentException($"unknown engine '{name}' (choose {string.Join(", ", Names)})", nameof(name)),
    };
}
