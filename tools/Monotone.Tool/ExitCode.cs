namespace Monotone.Tool;

/// <summary>The tool's exit codes (DESIGN.md §4); nothing else is returned.</summary>
public enum ExitCode
{
    Success = 0,

    /// <summary>A check found a problem: something is stale, or results differ.</summary>
    CheckFailed = 1,

    /// <summary>Bad usage or bad input; the one-line message names the file.</summary>
    BadInput = 2,
}
