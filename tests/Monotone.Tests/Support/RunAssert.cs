namespace Monotone.Tests.Support;

/// <summary>
/// Assertions on one finished run of the tool (from <see cref="SampleStudy.Tool"/> or <see cref="ToolRunner.Run"/>):
/// its exit code and the words it wrote, checked in one call that names what is missing and shows the whole run,
/// so that a test names only the outcome it expects. Ordinal, as every comparison in these tests.
/// </summary>
internal static class RunAssert
{
    /// <summary><paramref name="run"/> exited with <paramref name="exitCode"/> and its standard output holds each of <paramref name="parts"/>.</summary>
    public static void Printed((int ExitCode, string Out, string Error) run, int exitCode, params string[] parts) =>
        Holds(run, exitCode, "not on standard output", run.Out, parts, (text, part) => text.Contains(part, StringComparison.Ordinal));

    /// <summary>
    /// <paramref name="run"/> exited with <paramref name="exitCode"/> and its standard error (progress, the summary,
    /// warnings and errors) holds each of <paramref name="parts"/>.
    /// </summary>
    public static void Logged((int ExitCode, string Out, string Error) run, int exitCode, params string[] parts) =>
        Holds(run, exitCode, "not on standard error", run.Error, parts, (text, part) => text.Contains(part, StringComparison.Ordinal));

    /// <summary>
    /// <paramref name="run"/>, a `status`, exited with <paramref name="exitCode"/> (1 for a stale study under
    /// <c>--check</c>, else 0), and each of <paramref name="lines"/> begins a line of its standard output. A status
    /// line is an experiment's key, a paper stage's name or <c>results.csv</c>, padded to its column, then
    /// <c>fresh</c>, <c>kept (...)</c> or <c>stale: reasons</c>: an expected line may stop after the first reasons,
    /// or end in <c>\n</c> to be the whole line.
    /// </summary>
    public static void StatusSays((int ExitCode, string Out, string Error) run, int exitCode, params string[] lines) =>
        Holds(run, exitCode, "no status line starts with", run.Out, lines, (text, line) => ("\n" + text.ReplaceLineEndings("\n")).Contains("\n" + line, StringComparison.Ordinal));

    private static void Holds((int ExitCode, string Out, string Error) run, int exitCode, string missing, string text, string[] parts, Func<string, string, bool> holds)
    {
        Assert.True(run.ExitCode == exitCode, $"exit code {run.ExitCode}, expected {exitCode}{Shown(run)}");
        foreach (string part in parts)
        {
            Assert.True(holds(text, part), $"{missing} \"{part.Replace("\n", "\\n", StringComparison.Ordinal)}\"{Shown(run)}");
        }
    }

    private static string Shown((int ExitCode, string Out, string Error) run) =>
        $"\n--- standard output:\n{run.Out}\n--- standard error:\n{run.Error}";
}
