using System.Globalization;
using System.Text;

namespace Monotone.Core;

/// <summary>
/// Makes text from hostile files safe to print on one terminal line: control characters
/// (C0, DEL, C1), line and paragraph separators and invisible format characters
/// (bidirectional overrides and isolates, zero-width characters) become visible escapes
/// (<c>\0</c>, <c>\n</c>, <c>\e</c>, <c>\x7F</c>, <c>\u202E</c>), so a label, a dictionary key
/// or a tensor name can neither break the one-line diagnostic nor drive the terminal
/// (docs/design.md §4, "Diagnostics"). The one escape of every message the tool prints:
/// manifest, tensor input, command line and build.
/// </summary>
public static class DiagnosticText
{
    /// <summary>Escapes <paramref name="text"/>; idempotent, since backslashes are kept as they are.</summary>
    /// <returns><paramref name="text"/> itself when nothing needs escaping.</returns>
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

    // Format (Cf) covers the bidirectional controls of CVE-2021-42574 (U+202A-U+202E,
    // U+2066-U+2069, U+200E, U+200F, U+061C) and the zero-width characters.
    private static bool NeedsEscape(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
