namespace Monotone.TensorInput;

/// <summary>
/// An input the tool cannot use. Its message is one line that starts with the
/// file's path, so the command line can print it as is and exit with code 2.
/// </summary>
public sealed class BadInputException : Exception
{
    public BadInputException(string path, string problem)
        : base($"{path}: {problem}")
    {
        Path = path;
        Problem = problem;
    }

    public BadInputException(string path, string problem, Exception inner)
        : base($"{path}: {problem}", inner)
    {
        Path = path;
        Problem = problem;
    }

    public string Path { get; }

    public string Problem { get; }
}
