namespace Monotone.Tool;

/// <summary>The tool's exit codes (docs/errors.md); nothing else is returned.</summary>
internal enum ExitCode
{
    Success = 0,

    /// <summary>A check found a problem: something is stale, or results differ.</summary>
    CheckFailed = 1,

    /// <summary>Bad usage or bad input; the one-line message names the file.</summary>
    BadInput = 2,

    /// <summary>
    /// This machine cannot run the request as asked (no libtorch, no GPU), though the
    /// request and its inputs are fine: the same command can succeed elsewhere.
    /// </summary>
    EnvironmentUnavailable = 3,
}
