namespace Monotone.TensorInput;

/// <summary>
/// An input the tool cannot use. Its message is one line that starts with the
/// file's path, so the command line can print it as is and exit with code 2.
/// A problem quoting the file (a tensor name, a parser's message) may hold line
/// breaks, which become spaces, and other control characters, which are escaped
/// (<c>\x1b</c>) so that a hostile file cannot drive the terminal. Codes: <see cref="InputErrorCodes"/>.
/// </summary>
public sealed class BadInputException : Exception
{
    /// <summary>The code of a tensor input problem that has no more specific code.</summary>
    public const string DefaultCode = "MONO020";

    public BadInputException(string path, string problem)
        : this(DefaultCode, path, problem)
    {
    }

    public BadInputException(string path, string problem, Exception inner)
        : this(DefaultCode, path, problem, inner)
    {
    }

    public BadInputException(string code, string path, string problem)
        : base($"{Escape(path)}: {OneLine(problem)}")
    {
        Code = code;
        Path = path;
        Problem = OneLine(problem);
    }

    public BadInputException(string code, string path, string problem, Exception inner)
        : base($"{Escape(path)}: {OneLine(problem)}", inner)
    {
        Code = code;
        Path = path;
        Problem = OneLine(problem);
    }

    /// <summary>The fixed diagnostic code (MONO020-MONO039 are tensor input's).</summary>
    public string Code { get; }

    public string Path { get; }

    public string Problem { get; }

    private static string OneLine(string problem) => Escape(problem.ReplaceLineEndings(" "));

    /// <summary>
    /// Writes control characters (C0, DEL, C1) as <c>\xNN</c> and invisible format characters
    /// (bidirectional overrides, say) as <c>\uNNNN</c>, the way Python's repr shows them, so text
    /// quoted from a file prints as itself.
    /// </summary>
    public static string Escape(string text)
    {
        if (!text.Any(IsHidden))
        {
            return text;
        }

        var escaped = new System.Text.StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            if (!IsHidden(c))
            {
                escaped.Append(c);
            }
            else if (char.IsControl(c))
            {
                escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            }
            else
            {
                escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return escaped.ToString();
    }

    private static bool IsHidden(char c) =>
        char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format;
}
