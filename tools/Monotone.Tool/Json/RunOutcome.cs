namespace Monotone.Tool.Json;

/// <summary>What <c>run</c> did with one experiment; <c>run --json</c> writes it in snake_case.</summary>
internal enum RunOutcome
{
    /// <summary>Analysed now: its result was stale, missing, or --force asked for it.</summary>
    Analysed,

    /// <summary>Left alone: its result is fresh.</summary>
    Fresh,

    /// <summary>Left alone: its input is not on this machine and its committed result is kept (docs/record.md).</summary>
    Kept,

    /// <summary>Not analysed: it failed (a missing input, a bad tensor) and `--keep-going` went past it.</summary>
    Failed,
}
