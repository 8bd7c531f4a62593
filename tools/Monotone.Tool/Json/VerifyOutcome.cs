namespace Monotone.Tool.Json;

/// <summary>What <c>verify</c> found for one experiment; <c>verify --json</c> writes it in snake_case.</summary>
internal enum VerifyOutcome
{
    /// <summary>Recomputed; equal to the committed result within the tolerances.</summary>
    Reproduced,

    /// <summary>Recomputed; the committed result differs, has another input fingerprint, or cannot be read.</summary>
    Differs,

    /// <summary>Not recomputed: its input is not on this machine and its committed result is otherwise fresh (docs/record.md).</summary>
    Kept,

    /// <summary>Not recomputed: its input is not on this machine and its committed result is stale, so nothing vouches for it.</summary>
    Unverifiable,
}
