namespace Monotone.Tests.Support;

/// <summary>
/// The error model every command keeps (docs/errors.md): a failure is an exit code, nothing on standard
/// output and exactly one line on standard error. One assertion for it, so that each test names only the
/// command and the line it expects.
/// </summary>
internal static class ToolAssert
{
    /// <summary>
    /// <paramref name="run"/> (from <see cref="ToolRunner.Run"/> or <see cref="SampleStudy.Tool"/>) exited with
    /// <paramref name="exitCode"/>, wrote nothing to standard output, and wrote one line to standard error that
    /// starts with <paramref name="start"/> (ordinal).
    /// </summary>
    public static void FailsWithOneLine((int ExitCode, string Out, string Error) run, int exitCode, string start)
    {
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith(start, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    /// <summary>
    /// <paramref name="run"/> is a usage error: exit 2, nothing on standard output, and one line on standard error
    /// that starts with <c>monotone: error MONO040: </c> and then <paramref name="start"/> (ordinal).
    /// </summary>
    public static void BadUsage((int ExitCode, string Out, string Error) run, string start) =>
        FailsWithOneLine(run, 2, $"monotone: error MONO040: {start}");

    /// <summary>
    /// <paramref name="run"/> is a usage error that says exactly <paramref name="problem"/>: exit 2, nothing on standard
    /// output, and on standard error the one line <c>monotone: error MONO040: PROBLEM (see 'dotnet monotone --help')</c>.
    /// </summary>
    public static void BadUsageLine((int ExitCode, string Out, string Error) run, string problem) =>
        FailsWithLine(run, 2, $"monotone: error MONO040: {problem} (see 'dotnet monotone --help')");

    /// <summary>
    /// <paramref name="run"/> exited with <paramref name="exitCode"/>, wrote nothing to standard output, and wrote
    /// exactly <paramref name="line"/> and one newline to standard error.
    /// </summary>
    public static void FailsWithLine((int ExitCode, string Out, string Error) run, int exitCode, string line)
    {
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal(line + "\n", run.Error.ReplaceLineEndings("\n"));
    }
}
