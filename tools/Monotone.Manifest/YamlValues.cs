using System.Globalization;
using Monotone.Core;
using YamlDotNet.RepresentationModel;

namespace Monotone.Manifest;

/// <summary>
/// Typed access to YAML nodes that turns every mismatch into a
/// <see cref="ManifestException"/> pointing at the offending node.
/// </summary>
internal sealed class YamlValues(string path)
{
    public static SourceLocation At(YamlNode node) => new((int)node.Start.Line, (int)node.Start.Column);

    public ManifestException Error(YamlNode node, string code, string problem) => new(path, At(node), code, problem);

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, DiagnosticCodes.Manifest.InvalidValue, $"{what} must be a mapping of keys to values");

    /// <summary>Rejects keys outside <paramref name="known"/>, suggesting the closest one.</summary>
    public void RequireKnownKeys(YamlMappingNode map, string where, IReadOnlyCollection<string> known)
    {
        foreach (var key in map.Children.Keys)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(name))
            {
                string? suggestion = KeySuggestion.Closest(name, known);
                string hint = suggestion is null ? $"known keys: {string.Join(", ", known)}" : $"did you mean '{suggestion}'?";
                throw Error(key, DiagnosticCodes.Manifest.UnknownKey, $"unknown key '{name}' in {where} ({hint})");
            }
        }
    }

    public static YamlNode? Find(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public string? String(YamlMappingNode map, string key)
    {
        var node = Find(map, key);
        return node is null ? null : Scalar(node, key);
    }

    /// <param name="maximum">A limit of <see cref="ManifestLimits"/>; a value above it is a <see cref="DiagnosticCodes.Manifest.Limit"/> error.</param>
    public int? Integer(YamlMappingNode map, string key, int minimum, int maximum = int.MaxValue)
    {
        var node = Find(map, key);
        return node is null ? null : Integer(node, key, minimum, maximum);
    }

    public double? Number(YamlMappingNode map, string key, double minimum)
    {
        var node = Find(map, key);
        if (node is null)
        {
            return null;
        }

        string text = Scalar(node, key);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && value >= minimum
            ? value
            : throw Error(node, DiagnosticCodes.Manifest.InvalidValue, $"{key} must be a number >= {minimum.ToString(CultureInfo.InvariantCulture)}, not '{text}'");
    }

    public bool? Boolean(YamlMappingNode map, string key)
    {
        var node = Find(map, key);
        if (node is null)
        {
            return null;
        }

        return Scalar(node, key) switch
        {
            "true" or "True" or "yes" => true,
            "false" or "False" or "no" => false,
            var text => throw Error(node, DiagnosticCodes.Manifest.InvalidValue, $"{key} must be true or false, not '{text}'"),
        };
    }

    public IReadOnlyList<int>? Integers(YamlMappingNode map, string key, int minimum, int maximum = int.MaxValue)
    {
        var node = Find(map, key);
        if (node is null)
        {
            return null;
        }

        var items = Sequence(node, key);
        return items.Count > 0
            ? [.. items.Select(item => Integer(item, key, minimum, maximum))]
            : throw Error(node, DiagnosticCodes.Manifest.InvalidValue, $"{key} must list at least one value");
    }

    public IReadOnlyList<string>? Strings(YamlMappingNode map, string key)
    {
        var node = Find(map, key);
        return node is null ? null : [.. Sequence(node, key).Select(item => Scalar(item, key))];
    }

    public IReadOnlyList<YamlNode> Sequence(YamlNode node, string key) =>
        node is YamlSequenceNode sequence
            ? sequence.Children.ToList()
            : throw Error(node, DiagnosticCodes.Manifest.InvalidValue, $"{key} must be a list");

    private int Integer(YamlNode node, string key, int minimum, int maximum)
    {
        string text = Scalar(node, key);
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value > maximum)
        {
            throw Error(node, DiagnosticCodes.Manifest.Limit, $"{key} {text} is above the limit of {maximum} (docs/errors.md says why)");
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int small) && small >= minimum
            ? small
            : throw Error(node, DiagnosticCodes.Manifest.InvalidValue, $"{key} must be a whole number >= {minimum}, not '{text}'");
    }

    // A NUL (YAML's "\0" escape) ends a path at the operating system, and .NET refuses it in one.
    public string Scalar(YamlNode node, string key) => node switch
    {
        YamlScalarNode { Value: { } value } when value.Contains('\0', StringComparison.Ordinal) =>
            throw Error(node, DiagnosticCodes.Manifest.InvalidValue, $"{key} contains a NUL character ('{value}')"),
        YamlScalarNode { Value: { } value } => value,
        _ => throw Error(node, DiagnosticCodes.Manifest.InvalidValue, $"{key} must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}"),
    };
}
