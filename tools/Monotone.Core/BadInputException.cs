namespace Monotone.Core;

/// <summary>
/// An input the tool cannot use. Its message is one line that starts with the
/// file's path, so the command line can print it as is and exit with code 2.
/// A problem quoting the file (a tensor name, a parser's message) may hold line
/// breaks, which become spaces, and other control characters, which are escaped
/// (<see cref="DiagnosticText.Escape"/>) so that a hostile file cannot drive the terminal.
/// Codes: <see cref="DiagnosticCodes.Input"/>.
/// </summary>
public sealed class BadInputException : Exception
{
    public BadInputException(string path, string problem)
        : this(DiagnosticCodes.Input.Damaged, path, problem)
    {
    }

    public BadInputException(string path, string problem, Exception inner)
        : this(DiagnosticCodes.Input.Damaged, path, problem, inner)
    {
    }

    public BadInputException(string code, string path, string problem)
        : base($"{DiagnosticText.Escape(path)}: {OneLine(problem)}")
    {
        Code = code;
        Path = path;
        Problem = OneLine(problem);
    }

    public BadInputException(string code, string path, string problem, Exception inner)
        : base($"{DiagnosticText.Escape(path)}: {OneLine(problem)}", inner)
    {
        Code = code;
        Path = path;
        Problem = OneLine(problem);
    }

    /// <summary>The fixed diagnostic code (MONO020-MONO039 are tensor input's).</summary>
    public string Code { get; }

    public string Path { get; }

    public string Problem { get; }

    private static string OneLine(string problem) => DiagnosticText.Escape(problem.ReplaceLineEndings(" "));
}
