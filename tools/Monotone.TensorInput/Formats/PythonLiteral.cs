using System.Globalization;
using System.Numerics;
using System.Text;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// Parses the Python literal an .npy header holds, as <c>ast.literal_eval</c> does (NumPy's
/// <c>lib/format.py</c> reads headers with it): strings (single or double quotes, <c>u</c> and
/// <c>r</c> prefixes, backslash escapes, adjacent strings joined), integers (signs, underscores,
/// and the <c>L</c> suffix of headers NumPy wrote under Python 2, which NumPy filters out),
/// floats, <c>True</c>, <c>False</c>, <c>None</c>, tuples, lists and dicts. Anything else
/// (names, calls, comments, bytes, triple quotes) throws <see cref="FormatException"/>.
/// </summary>
/// <remarks>
/// Values: <see cref="string"/>, <see cref="BigInteger"/>, <see cref="double"/>, <see cref="bool"/>,
/// null, <see cref="PythonTuple"/>, <c>List&lt;object?&gt;</c> and
/// <c>Dictionary&lt;object, object?&gt;</c> (a repeated key keeps its last value, as in Python).
/// </remarks>
internal sealed class PythonLiteral
{
    private const int MaxDepth = 32;
    private const int MaxDigits = 4300; // CPython's own limit on int() of a decimal string
    private readonly string text;
    private int position;

    private PythonLiteral(string text) => this.text = text;

    /// <exception cref="FormatException">The text is not one Python literal.</exception>
    public static object? Parse(string text)
    {
        var parser = new PythonLiteral(text);
        object? value = parser.Value(0);
        parser.SkipSpace();
        return parser.position == text.Length ? value : throw parser.Error("text after the literal");
    }

    private object? Value(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nested deeper than {MaxDepth} levels");
        }

        SkipSpace();
        if (position >= text.Length)
        {
            throw Error("the text ends where a value should be");
        }

        char c = text[position];
        switch (c)
        {
            case '{':
                position++;
                return Dictionary(depth);
            case '(':
                position++;
                return Parenthesised(depth);
            case '[':
                position++;
                return Items(']', depth).Items;
            case '\'' or '"':
                return Strings(raw: false);
            case '+' or '-':
                position++;
                return Negate(Value(depth + 1), c == '-');
            case (>= '0' and <= '9') or '.':
                return Number();
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            int start = position;
            while (position < text.Length && (char.IsAsciiLetterOrDigit(text[position]) || text[position] == '_'))
            {
                position++;
            }

            string word = text[start..position];
            if (position < text.Length && text[position] is '\'' or '"' && word.ToLowerInvariant() is "u" or "r")
            {
                return Strings(raw: word is "r" or "R");
            }

            return word switch
            {
                "True" => true,
                "False" => false,
                "None" => null,
                _ => throw Error($"'{word}' is not a literal"),
            };
        }

        throw Error($"unexpected '{c}'");
    }

    private object Negate(object? operand, bool negative) => operand switch
    {
        BigInteger i => negative ? -i : i,
        double d => negative ? -d : d,
        bool b => negative ? (b ? BigInteger.MinusOne : BigInteger.Zero) : (b ? BigInteger.One : BigInteger.Zero),
        _ => throw Error("a sign before something that is not a number"),
    };

    private Dictionary<object, object?> Dictionary(int depth)
    {
        var result = new Dictionary<object, object?>();
        while (true)
        {
            SkipSpace();
            if (Take('}'))
            {
                return result;
            }

            object key = Value(depth + 1) is { } k and not (List<object?> or Dictionary<object, object?>)
                ? k
                : throw Error("a dict key that is not hashable");
            SkipSpace();
            if (!Take(':'))
            {
                throw Error("a dict key without ':'");
            }

            result[key] = Value(depth + 1);
            SkipSpace();
            if (!Take(',') && !(position < text.Length && text[position] == '}'))
            {
                throw Error("dict items not separated by ','");
            }
        }
    }

    // (x) is x; (x,) and (x, y) and () are tuples.
    private object? Parenthesised(int depth)
    {
        var (items, trailingComma) = Items(')', depth);
        return items.Count == 1 && !trailingComma ? items[0] : new PythonTuple(items);
    }

    private (List<object?> Items, bool TrailingComma) Items(char close, int depth)
    {
        var items = new List<object?>();
        bool comma = false;
        while (true)
        {
            SkipSpace();
            if (Take(close))
            {
                return (items, comma);
            }

            items.Add(Value(depth + 1));
            SkipSpace();
            comma = Take(',');
            if (!comma && !(position < text.Length && text[position] == close))
            {
                throw Error("items not separated by ','");
            }
        }
    }

    private string Strings(bool raw)
    {
        var value = new StringBuilder();
        while (true)
        {
            value.Append(OneString(raw));
            int after = position;
            SkipSpace();
            if (position < text.Length && text[position] is '\'' or '"')
            {
                raw = false;
                continue;
            }

            // A prefixed string after another one ('a' u'b').
            if (position + 1 < text.Length && text[position] is 'u' or 'U' or 'r' or 'R' && text[position + 1] is '\'' or '"')
            {
                raw = text[position] is 'r' or 'R';
                position++;
                continue;
            }

            position = after;
            return value.ToString();
        }
    }

    private string OneString(bool raw)
    {
        char quote = text[position++];
        if (position + 1 < text.Length && text[position] == quote && text[position + 1] == quote)
        {
            throw Error("a triple-quoted string");
        }

        var value = new StringBuilder();
        while (true)
        {
            if (position >= text.Length || text[position] == '\n')
            {
                throw Error("a string without its closing quote");
            }

            char c = text[position++];
            if (c == quote)
            {
                return value.ToString();
            }

            if (c != '\\')
            {
                value.Append(c);
                continue;
            }

            if (position >= text.Length)
            {
                throw Error("a string without its closing quote");
            }

            char e = text[position++];
            if (raw)
            {
                value.Append('\\').Append(e);
                continue;
            }

            switch (e)
            {
                case '\\' or '\'' or '"': value.Append(e); break;
                case '\n': break;
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'a': value.Append('\a'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'v': value.Append('\v'); break;
                case 'x': value.Append((char)Hex(2)); break;
                case 'u': value.Append((char)Hex(4)); break;
                case 'U': value.Append(Hex(8) is var code and (< 0xD800 or > 0xDFFF) ? char.ConvertFromUtf32(code) : throw Error("a surrogate \\U escape")); break;
                case >= '0' and <= '7':
                    int octal = e - '0';
                    for (int k = 0; k < 2 && position < text.Length && text[position] is >= '0' and <= '7'; k++)
                    {
                        octal = (octal * 8) + (text[position++] - '0');
                    }

                    value.Append((char)octal);
                    break;
                default:
                    value.Append('\\').Append(e); // Python keeps an unknown escape as written
                    break;
            }
        }
    }

    private int Hex(int digits)
    {
        if (position + digits > text.Length
            || !int.TryParse(text.AsSpan(position, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code)
            || code > 0x10FFFF)
        {
            throw Error("a bad \\x, \\u or \\U escape");
        }

        position += digits;
        return code;
    }

    private object Number()
    {
        int start = position;
        while (position < text.Length && (char.IsAsciiDigit(text[position]) || text[position] is '_' or '.' or 'e' or 'E'
            || (text[position] is '+' or '-' && text[position - 1] is 'e' or 'E')))
        {
            position++;
        }

        string digits = text[start..position];
        if (digits.StartsWith('_') || digits.EndsWith('_') || digits.Contains("__", StringComparison.Ordinal))
        {
            throw Error($"'{digits}' is not a number");
        }

        string plain = digits.Replace("_", "", StringComparison.Ordinal);
        bool isFloat = plain.Any(ch => ch is '.' or 'e' or 'E');
        if (isFloat)
        {
            return double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
                ? d : throw Error($"'{digits}' is not a number");
        }

        // Python 2's long suffix, which NumPy's _filter_header removes from version 1 and 2 headers.
        if (position < text.Length && text[position] is 'L' or 'l')
        {
            position++;
        }

        // Python 3 refuses leading zeros in a non-zero decimal integer (010).
        if ((plain.Length > 1 && plain[0] == '0' && plain.Any(ch => ch != '0')) || plain.Length > MaxDigits)
        {
            throw Error($"'{digits}' is not a decimal integer Python reads");
        }

        if (position < text.Length && (char.IsAsciiLetter(text[position]) || text[position] == '_'))
        {
            throw Error($"'{digits}{text[position]}' is not a number");
        }

        return BigInteger.Parse(plain, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private void SkipSpace()
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\r' or '\f')
        {
            position++;
        }
    }

    private bool Take(char c)
    {
        if (position < text.Length && text[position] == c)
        {
            position++;
            return true;
        }

        return false;
    }

    private FormatException Error(string problem) => new($"{problem} at character {position + 1}");
}
