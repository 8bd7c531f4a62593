namespace Monotone.TensorInput;

/// <summary>
/// An input the tool cannot use. Its message is one line that starts with the
/// file's path, so the command line can print it as is and exit with code 2.
/// A problem quoting the file (a tensor name, a parser's message) may hold line
/// breaks; they become spaces.
/// </summary>
public sealed class BadInputException : Exception
{
    public BadInputException(string path, string problem)
        : base($"{path}: {OneLine(problem)}")
    {
        Path = path;
        Problem = OneLine(problem);
    }

    public BadInputException(string path, string problem, Exception inner)
        : base($"{path}: {OneLine(problem)}", inner)
    {
        Path = path;
        Problem = OneLine(problem);
    }

    public string Path { get; }

    public string Problem { get; }

    private static string OneLine(string problem) => problem.ReplaceLineEndings(" ");
}
