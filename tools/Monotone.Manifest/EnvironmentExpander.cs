using System.Text.RegularExpressions;

namespace Monotone.Manifest;

/// <summary>Expands <c>${NAME}</c> and <c>${NAME:-default}</c> as a POSIX shell does.</summary>
internal static partial class EnvironmentExpander
{
    /// <returns>The expanded text, or the name of the first unset variable that has no default.</returns>
    public static (string Text, string? Unset) Expand(string text, Func<string, string?> lookup)
    {
        string? unset = null;
        string expanded = Pattern().Replace(text, match =>
        {
            string? value = lookup(match.Groups["name"].Value);
            if (!string.IsNullOrEmpty(value))
            {
                return value;
            }

            if (match.Groups["default"].Success)
            {
                return match.Groups["default"].Value;
            }

            unset ??= match.Groups["name"].Value;
            return match.Value;
        });
        return (expanded, unset);
    }

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::-(?<default>[^}]*))?\}")]
    private static partial Regex Pattern();
}
