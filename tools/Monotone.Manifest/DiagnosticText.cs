using System.Globalization;
using System.Text;

namespace Monotone.Manifest;

/// <summary>
/// Makes text from hostile files safe to print on one terminal line: control characters
/// (C0, DEL, C1), line and paragraph separators and bidirectional overrides become visible
/// escapes (<c>\0</c>, <c>\n</c>, <c>\e</c>, <c>\x7F</c>, <c>\u202E</c>), so a label or a
/// dictionary key can neither break the one-line diagnostic nor drive the terminal.
/// </summary>
public static class DiagnosticText
{
    /// <summary>Escapes <paramref name="text"/>; idempotent, since backslashes are kept as they are.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            escaped.Append(c switch
            {
                '\0' => "\\0",
                '\t' => "\\t",
                '\n' => "\\n",
                '\r' => "\\r",
                '\u001b' => "\\e",
                _ when c < '\u0100' && NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ when NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || c is '\u2028' or '\u2029'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
