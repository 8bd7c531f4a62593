namespace Monotone.Tool.Console;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, messages and progress to
/// <see cref="Error"/>. Injected so tests run commands in-process and read both.
/// </summary>
/// <param name="Interactive">Whether <see cref="Error"/> is a terminal that can redraw progress in place.</param>
public sealed record ToolConsole(TextWriter Out, TextWriter Error, bool Interactive)
{
    public static ToolConsole System { get; } = new(
        global::System.Console.Out,
        global::System.Console.Error,
        !global::System.Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);

    /// <summary>Writes a problem as the single line "monotone: error: ...".</summary>
    public void WriteError(string message) =>
        Error.WriteLine($"monotone: error: {string.Join(' ', message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))}");
}
