using Monotone.Core;
using YamlDotNet.RepresentationModel;

namespace Monotone.Manifest;

/// <summary>The manifest's <c>variants:</c> (docs/variants.md): named option sets over some or all models.</summary>
public static partial class ManifestReader
{
    private static readonly string[] VariantKeys = ["name", "models", "analysis"];

    /// <param name="models">The study's models, in manifest order.</param>
    /// <param name="nodes">Each model's entry, in the same order.</param>
    private static List<Variant> ReadVariants(Context context, List<ModelEntry> models, List<YamlMappingNode> nodes)
    {
        var values = context.Values;
        if (YamlValues.Find(context.Root, "variants") is not { } list)
        {
            return [];
        }

        var variants = new List<Variant>();

        // Case-insensitive: two names that differ in case only would share a folder on macOS and Windows.
        var names = new Dictionary<string, SourceLocation>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in values.Sequence(list, "variants"))
        {
            var entry = values.Mapping(item, "a variant entry");
            values.RequireKnownKeys(entry, "a variant entry", VariantKeys);
            string name = VariantName(values, entry);
            var nameNode = YamlValues.Find(entry, "name")!;
            if (names.TryGetValue(name, out var first))
            {
                throw values.Error(nameNode, DiagnosticCodes.Manifest.Duplicate, $"variant name '{name}' is already used by the variant at line {first.Line}");
            }

            names[name] = YamlValues.At(entry);
            var analysis = Block(values, entry, "analysis", AnalysisKeys);
            if (analysis is null || analysis.Children.Count == 0)
            {
                throw values.Error(
                    (YamlNode?)analysis ?? entry,
                    DiagnosticCodes.Manifest.InvalidValue,
                    $"variant '{name}' sets no analysis option: give it an 'analysis:' block with at least one of {string.Join(", ", AnalysisKeys)}");
            }

            var covered = CoveredModels(values, entry, name, models);
            var resolved = new List<ModelEntry>();
            for (int m = 0; m < models.Count; m++)
            {
                if (covered.Contains(models[m].Label))
                {
                    resolved.Add(models[m] with { Settings = ResolveSettings(context, nodes[m], models[m].Heads, analysis) });
                }
            }

            string[] keys = [.. analysis.Children.Keys.Select(k => ((YamlScalarNode)k).Value!)];
            variants.Add(new Variant(name, keys, resolved, YamlValues.At(entry)));
        }

        return variants;
    }

    private static string VariantName(YamlValues values, YamlMappingNode entry)
    {
        var node = YamlValues.Find(entry, "name")
            ?? throw values.Error(entry, DiagnosticCodes.Manifest.MissingKey, "variant entry without 'name'");
        if (LabelRules.IsNull(node))
        {
            throw values.Error(node, DiagnosticCodes.Manifest.InvalidLabel, "variant name is null: give the variant a name (it names its result folders)");
        }

        string name = values.String(entry, "name")!;
        if (LabelRules.Problem(name, "variant name") is { } problem)
        {
            throw values.Error(node, DiagnosticCodes.Manifest.InvalidLabel, problem);
        }

        // "default" is the study's own options, whose results keep today's folders.
        return !string.Equals(name, Variant.DefaultName, StringComparison.OrdinalIgnoreCase)
            ? name
            : throw values.Error(node, DiagnosticCodes.Manifest.InvalidLabel, $"variant name '{name}' is reserved for the study's own options: choose another name");
    }

    /// <returns>The labels of the models the variant covers: those its <c>models:</c> lists, or all.</returns>
    private static HashSet<string> CoveredModels(YamlValues values, YamlMappingNode entry, string name, IReadOnlyList<ModelEntry> models)
    {
        string[] labels = [.. models.Select(m => m.Label)];
        if (YamlValues.Find(entry, "models") is not { } node)
        {
            return [.. labels];
        }

        var items = values.Sequence(node, "models");
        if (items.Count == 0)
        {
            throw values.Error(node, DiagnosticCodes.Manifest.InvalidValue, $"variant '{name}' lists no models: leave 'models' out to cover every model");
        }

        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            string label = values.Scalar(item, "models");
            if (!labels.Contains(label, StringComparer.Ordinal))
            {
                string? suggestion = KeySuggestion.Closest(label, labels);
                string hint = suggestion is null ? $"the models are {string.Join(", ", labels)}" : $"did you mean '{suggestion}'?";
                throw values.Error(item, DiagnosticCodes.Manifest.InvalidValue, $"variant '{name}' names no model labelled '{label}' ({hint})");
            }

            if (!covered.Add(label))
            {
                throw values.Error(item, DiagnosticCodes.Manifest.Duplicate, $"variant '{name}' lists model '{label}' twice");
            }
        }

        return covered;
    }
}
