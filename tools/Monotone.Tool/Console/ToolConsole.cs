using Monotone.Core;
using Monotone.Manifest;

namespace Monotone.Tool.Console;

/// <summary>
/// Where a command writes: results to <see cref="Out"/>, messages and progress to
/// <see cref="Error"/>. Injected so tests run commands in-process and read both.
/// </summary>
/// <param name="Interactive">Whether <see cref="Error"/> is a terminal that can redraw progress in place.</param>
internal sealed record ToolConsole(TextWriter Out, TextWriter Error, bool Interactive)
{
    /// <summary>The origin of a diagnostic that belongs to no file, in MSBuild's canonical form.</summary>
    public const string Origin = "monotone";

    public static ToolConsole System { get; } = new(
        global::System.Console.Out,
        global::System.Console.Error,
        !global::System.Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);

    /// <summary>
    /// Writes one problem as the single line <c>ORIGIN: error CODE: message</c>, MSBuild's
    /// canonical error form: ORIGIN is a file (with <c>(line,col)</c> for the manifest) or
    /// <c>monotone</c>. Control characters become visible escapes (<see cref="DiagnosticText"/>)
    /// and line breaks spaces, so the line stays one line whatever the input held.
    /// </summary>
    public void WriteError(string origin, string code, string message) =>
        Error.WriteLine($"{DiagnosticText.Escape(origin)}: error {code}: {DiagnosticText.Escape(OneLine(message))}");

    /// <summary>Writes a manifest problem in its canonical <c>FILE(LINE,COL): error CODE: message</c> form.</summary>
    public void WriteError(ManifestException problem) =>
        WriteError($"{problem.FilePath}({problem.Location.Line},{problem.Location.Column})", problem.Code, problem.Problem);

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
