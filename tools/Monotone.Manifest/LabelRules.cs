using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monotone.Manifest;

/// <summary>
/// What a model's label may be: it names the model's folder under experiments/, so it is one
/// safe path segment of letters, digits, '.', '-' and '_' (checked character by character: a
/// regular expression's <c>$</c> also matches before a final newline), not only dots, and at
/// most <see cref="ManifestLimits.MaxLabelBytes"/> bytes.
/// </summary>
internal static class LabelRules
{
    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_");

    /// <summary>Whether a scalar is YAML's null (<c>null</c>, <c>~</c>, or nothing), which must not become a folder named "null".</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    /// <param name="what">What the name is, as messages call it: a model's "label", a "variant name".</param>
    /// <returns>Why <paramref name="label"/> cannot name a folder, or null when it can.</returns>
    public static string? Problem(string label, string what = "label")
    {
        if (label.Length == 0)
        {
            return $"{what} is empty";
        }

        int bad = label.AsSpan().IndexOfAnyExcept(Allowed);
        if (bad >= 0)
        {
            return $"{what} '{label}' names a folder: use letters, digits, '.', '-' and '_' (not {Describe(label[bad])})";
        }

        if (label.All(c => c == '.'))
        {
            return $"{what} '{label}' would name the folder itself or its parent: give {(what == "label" ? "the model a label" : "it another name")}";
        }

        int bytes = Encoding.UTF8.GetByteCount(label);
        return bytes > ManifestLimits.MaxLabelBytes
            ? $"{what} is {bytes} bytes long; names made from it (its folder, its lock file LABEL.N.lock) hold at most {ManifestLimits.MaxLabelBytes}"
            : null;
    }

    private static string Describe(char c) => char.IsControl(c) || char.IsWhiteSpace(c)
        ? $"the control or space character U+{(int)c:X4}"
        : $"'{c}'";
}
