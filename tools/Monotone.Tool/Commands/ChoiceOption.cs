using System.CommandLine;

namespace Monotone.Tool.Commands;

/// <summary>
/// An option whose value is one of a few named choices (an enum, or a name or list for the
/// slopes): read by the noun's own parser, with the names in its help, its completions and
/// its one-line error.
/// </summary>
internal static class ChoiceOption
{
    /// <summary>Reads one value as <typeparamref name="T"/>; false, with the reason, when it is not one.</summary>
    public delegate bool Reader<T>(string text, out T value, out string? problem);

    /// <param name="names">The named choices, as help, completions and errors list them.</param>
    /// <param name="helpName">The value's placeholder in help, e.g. <c>fast|reference|torch|auto</c>.</param>
    public static Option<T> Create<T>(string name, string description, IReadOnlyList<string> names, Reader<T> read, string? helpName = null)
    {
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = helpName ?? string.Join('|', names),
            CustomParser = result =>
            {
                string text = result.Tokens[0].Value;
                if (read(text, out var value, out string? problem))
                {
                    return value;
                }

                result.AddError(problem ?? $"{name} must be {Alternatives(names)}, not '{text}'");
                return default;
            },
        };

        // An enum option completes to its C# member names by default (Fast, Reference); only the spellings are offered.
        option.CompletionSources.Clear();
        option.CompletionSources.Add([.. names]);
        return option;
    }

    /// <summary>"a, b or c".</summary>
    public static string Alternatives(IReadOnlyList<string> names) =>
        names.Count < 2 ? string.Join("", names) : $"{string.Join(", ", names.Take(names.Count - 1))} or {names[^1]}";
}
