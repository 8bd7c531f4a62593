using System.Text;

namespace Monotone.Manifest;

/// <summary>
/// Expands <c>${NAME}</c> and <c>${NAME:-default}</c> as a POSIX shell does, defaults
/// nesting (<c>${A:-${B}}</c>); a <c>$</c> not followed by <c>{</c> is kept as it is.
/// </summary>
internal static class EnvironmentExpander
{
    /// <returns>
    /// The expanded text, the name of the first unset variable that has no default, or a
    /// problem with the text's syntax (an unclosed <c>${</c>, a bad name, defaults nested too deeply).
    /// </returns>
    public static (string Text, string? Unset, string? Problem) Expand(string text, Func<string, string?> lookup)
    {
        var expansion = new Expansion(text, lookup);
        try
        {
            string expanded = expansion.Text(0, inDefault: false);
            return (expanded, expansion.Unset, null);
        }
        catch (FormatException e)
        {
            return (text, null, e.Message);
        }
    }

    private sealed class Expansion(string text, Func<string, string?> lookup)
    {
        private int position;

        public string? Unset { get; private set; }

        // Text up to the end, or up to the '}' that closes the default being read.
        public string Text(int depth, bool inDefault)
        {
            var result = new StringBuilder();
            while (position < text.Length)
            {
                char c = text[position];
                if (inDefault && c == '}')
                {
                    return result.ToString();
                }

                if (c == '$' && position + 1 < text.Length && text[position + 1] == '{')
                {
                    result.Append(Variable(depth));
                    continue;
                }

                result.Append(c);
                position++;
            }

            return inDefault ? throw new FormatException("'${' is not closed by '}'") : result.ToString();
        }

        private string Variable(int depth)
        {
            if (depth >= ManifestLimits.MaxExpansionDepth)
            {
                throw new FormatException($"defaults nest more than {ManifestLimits.MaxExpansionDepth} levels deep");
            }

            int start = position;
            position += 2;
            int nameStart = position;
            while (position < text.Length && (char.IsAsciiLetter(text[position]) || text[position] == '_' || (position > nameStart && char.IsAsciiDigit(text[position]))))
            {
                position++;
            }

            string name = text[nameStart..position];
            if (name.Length == 0)
            {
                throw new FormatException($"'${{' at offset {start} is not followed by a variable name");
            }

            string? value = lookup(name);
            if (position < text.Length && text[position] == '}')
            {
                position++;
                if (string.IsNullOrEmpty(value))
                {
                    Unset ??= name;
                    return text[start..position];
                }

                return value;
            }

            if (position + 1 < text.Length && text[position] == ':' && text[position + 1] == '-')
            {
                position += 2;

                // The default is expanded, and its unset variables reported, only when it is used.
                string? unsetBefore = Unset;
                string fallback = Text(depth + 1, inDefault: true);
                position++;
                if (!string.IsNullOrEmpty(value))
                {
                    Unset = unsetBefore;
                    return value;
                }

                return fallback;
            }

            throw new FormatException(position < text.Length
                ? $"'${{{name}' must be followed by '}}' or ':-default}}', not '{text[position]}' (only ${{NAME}} and ${{NAME:-default}} expand)"
                : $"'${{{name}' is not closed by '}}'");
        }
    }
}
