using System.Text.RegularExpressions;
using Monotone.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Monotone.Manifest;

/// <summary>
/// Reads experiments.yaml. Every problem throws a <see cref="ManifestException"/>
/// with the line and column of the node at fault.
/// </summary>
public static partial class ManifestReader
{
    public const string DefaultFile = "attention_probs_mean.pt";
    public const string DefaultLayout = "{root}/{model_dir}/{sequence_length}/{file}";
    public const string DefaultTitle = "Attention monotonicity in ALiBi transformers";
    public const int NotebookSequenceLength = 256;

    private static readonly string[] TopKeys = ["title", "authors", "introduction", "data", "sequence_lengths", "analysis", "figures", "models", "variants"];
    private static readonly string[] ModelKeys = ["id", "label", "layers", "heads", "sequence_lengths", "data", "analysis"];
    private static readonly string[] DataKeys = ["source", "root", "file", "layout", "tensor", "seed"];
    private static readonly string[] AnalysisKeys = ["slopes", "epsilon", "relative_floor", "engine"];
    private static readonly string[] FigureKeys = ["show_std_error", "sequence_length"];
    private static readonly string[] LayoutPlaceholders = ["root", "model_dir", "model_id", "label", "sequence_length", "file"];

    /// <param name="engines">The engine names the caller can run; others are refused at their line. Empty: any name.</param>
    /// <param name="environment">Looks up environment variables; the process environment by default.</param>
    public static Manifest Read(string path, IReadOnlyCollection<string> engines, Func<string, string?>? environment = null)
    {
        string fullPath = System.IO.Path.GetFullPath(path);
        var values = new YamlValues(path);
        var stream = YamlLoader.Load(path, fullPath);
        var root = stream.Documents.Count > 0
            ? values.Mapping(stream.Documents[0].RootNode, "the manifest")
            : throw new ManifestException(path, SourceLocation.Start, DiagnosticCodes.Manifest.Syntax, "the manifest is empty");

        values.RequireKnownKeys(root, "the manifest", TopKeys);
        Block(values, root, "data", DataKeys);
        Block(values, root, "analysis", AnalysisKeys);
        var context = new Context(values, engines, environment ?? Environment.GetEnvironmentVariable, root);
        var nodes = new List<YamlMappingNode>();
        var models = ReadModels(context, nodes);
        var variants = ReadVariants(context, models, nodes);
        var figures = ReadFigures(values, root);
        if (figures.SequenceLength is { } primary && !models.Any(m => m.Settings.SequenceLengths.Contains(primary)))
        {
            var node = YamlValues.Find(values.Mapping(YamlValues.Find(root, "figures")!, "figures"), "sequence_length")!;
            throw values.Error(node, DiagnosticCodes.Manifest.InvalidValue, $"figures.sequence_length {primary} is not among any model's sequence_lengths");
        }

        return new Manifest(
            fullPath,
            new DocumentInfo(
                values.String(root, "title") ?? DefaultTitle,
                values.Strings(root, "authors") ?? [],
                values.String(root, "introduction")?.Trim() ?? ""),
            figures,
            models)
        {
            Variants = variants,
        };
    }

    private static FigureOptions ReadFigures(YamlValues values, YamlMappingNode root)
    {
        if (YamlValues.Find(root, "figures") is not { } node)
        {
            return new FigureOptions(false, null);
        }

        var figures = values.Mapping(node, "figures");
        values.RequireKnownKeys(figures, "figures", FigureKeys);
        return new FigureOptions(values.Boolean(figures, "show_std_error") ?? false, values.Integer(figures, "sequence_length", 1));
    }

    /// <param name="nodes">Receives each model's entry, in the same order, for the variants to resolve it again.</param>
    private static List<ModelEntry> ReadModels(Context context, List<YamlMappingNode> nodes)
    {
        var values = context.Values;
        var modelsNode = YamlValues.Find(context.Root, "models")
            ?? throw values.Error(context.Root, DiagnosticCodes.Manifest.MissingKey, "the manifest lists no models (key 'models')");
        var models = new List<ModelEntry>();
        var labels = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in values.Sequence(modelsNode, "models"))
        {
            var model = values.Mapping(item, "a model entry");
            values.RequireKnownKeys(model, "a model entry", ModelKeys);
            string id = values.String(model, "id")
                ?? throw values.Error(model, DiagnosticCodes.Manifest.MissingKey, "model entry without 'id'");
            var idNode = YamlValues.Find(model, "id")!;
            if (LabelRules.IsNull(idNode))
            {
                throw values.Error(idNode, DiagnosticCodes.Manifest.InvalidValue, "id is null: give the model's hub id, e.g. bigscience/bloom");
            }

            // Without a label, the id's last segment names the folder, and is held to the same rules.
            var labelNode = YamlValues.Find(model, "label") ?? idNode;
            if (LabelRules.IsNull(labelNode))
            {
                throw values.Error(labelNode, DiagnosticCodes.Manifest.InvalidLabel, "label is null: give the model a name (it names its folder), or leave the key out to use the id's last part");
            }

            string label = values.String(model, "label") ?? id.Split('/')[^1];
            if (LabelRules.Problem(label) is { } problem)
            {
                throw values.Error(labelNode, DiagnosticCodes.Manifest.InvalidLabel, labelNode == idNode ? $"{problem} (taken from the id '{id}'; add a 'label')" : problem);
            }

            // Labels also name LaTeX macros, which keep letters and digits only: mpt-7b and
            // mpt_7b would define the same \MonotoneMptSevenB... twice.
            string key = new([.. label.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
            if (labels.TryGetValue(key, out var first))
            {
                throw values.Error(labelNode, DiagnosticCodes.Manifest.Duplicate, $"label '{label}' is already used, or reads the same in LaTeX macro names, as the model at line {first.Line}");
            }

            labels[key] = YamlValues.At(model);
            int? heads = values.Integer(model, "heads", 1, ManifestLimits.MaxHeads);
            var settings = ResolveSettings(context, model, heads, variant: null);
            var entry = new ModelEntry(
                id,
                label,
                values.Integer(model, "layers", 1, ManifestLimits.MaxLayers),
                heads,
                settings,
                YamlValues.At(model));
            if (entry.Settings.Source == DataSource.Synthetic && (entry.Layers is null || entry.Heads is null))
            {
                throw values.Error(model, DiagnosticCodes.Manifest.MissingKey, $"model '{label}' has synthetic data, which needs 'layers' and 'heads'");
            }

            models.Add(entry);
            nodes.Add(model);
        }

        return models.Count > 0 ? models : throw values.Error(modelsNode, DiagnosticCodes.Manifest.MissingKey, "the manifest lists no models");
    }

    // A model's own data/analysis blocks override the manifest's, key by key; a variant's
    // analysis block overrides both (docs/variants.md).
    private static ModelSettings ResolveSettings(Context context, YamlMappingNode model, int? heads, YamlMappingNode? variant)
    {
        var values = context.Values;
        YamlMappingNode?[] data = [Block(values, model, "data", DataKeys), Block(values, context.Root, "data", DataKeys)];
        YamlMappingNode?[] analysis = [variant, Block(values, model, "analysis", AnalysisKeys), Block(values, context.Root, "analysis", AnalysisKeys)];
        YamlMappingNode[] levels = [model, context.Root];

        var (sourceText, sourceNode) = First(data, map => values.String(map, "source"), "source");
        DataSource source = sourceText switch
        {
            null or "files" => DataSource.Files,
            "synthetic" => DataSource.Synthetic,
            _ => throw values.Error(sourceNode!, DiagnosticCodes.Manifest.InvalidValue, $"source must be 'files' or 'synthetic', not '{sourceText}'"),
        };

        string layout = First(data, map => values.String(map, "layout"), "layout") is var (l, layoutNode) && l is not null
            ? CheckLayout(values, l, layoutNode!)
            : DefaultLayout;

        string root = "";
        if (source == DataSource.Files)
        {
            var (rawRoot, rootNode) = First(data, map => values.String(map, "root"), "root");
            if (rawRoot is null && layout.Contains("{root}", StringComparison.Ordinal))
            {
                throw values.Error(model, DiagnosticCodes.Manifest.MissingKey, "real tensor files need a data root: set data: root: (environment variables like ${MONOTONE_DATA_ROOT} expand)");
            }

            var (expanded, unset, syntax) = EnvironmentExpander.Expand(rawRoot ?? "", context.Environment);
            if (syntax is not null)
            {
                throw values.Error(rootNode!, DiagnosticCodes.Manifest.Template, $"root: {syntax}");
            }

            root = unset is null
                ? expanded
                : throw values.Error(rootNode!, DiagnosticCodes.Manifest.UnsetVariable, $"environment variable {unset} is not set and has no default (write ${{{unset}:-default}})");
        }

        var (slopesText, slopesNode) = First(analysis, map => values.String(map, "slopes"), "slopes");
        SlopeSpec slopes;
        try
        {
            slopes = slopesText is null ? SlopeSpec.Notebook : SlopeSpec.Parse(slopesText);
        }
        catch (FormatException e)
        {
            throw values.Error(slopesNode!, DiagnosticCodes.Manifest.InvalidValue, e.Message);
        }

        // A list's length is checked here, not when the tensor is read: the model's heads must be known.
        if (slopes.Values is { } list)
        {
            if (heads is null)
            {
                throw values.Error(slopesNode!, DiagnosticCodes.Manifest.MissingKey, $"a slope list needs the model's 'heads' to check its {list.Count} values against");
            }

            if (list.Count != heads)
            {
                throw values.Error(slopesNode!, DiagnosticCodes.Manifest.SlopeCount, $"the slope list has {list.Count} values but the model has {heads} heads");
            }
        }

        var (engine, engineNode) = First(analysis, map => values.String(map, "engine"), "engine");
        if (engine is not null && context.Engines.Count > 0 && !context.Engines.Contains(engine))
        {
            throw values.Error(engineNode!, DiagnosticCodes.Manifest.InvalidValue, $"unknown engine '{engine}' (choose {string.Join(", ", context.Engines)})");
        }

        return new ModelSettings(
            source,
            root,
            First(data, map => values.String(map, "file"), "file").Value ?? DefaultFile,
            layout,
            First(data, map => values.String(map, "tensor"), "tensor").Value,
            First(data, map => values.Integer(map, "seed", 0), "seed").Value ?? 0,
            First(levels, map => values.Integers(map, "sequence_lengths", 1, ManifestLimits.MaxSequenceLength), "sequence_lengths").Value ?? [NotebookSequenceLength],
            new AnalysisOptions
            {
                Slopes = slopes,
                Epsilon = First(analysis, map => values.Number(map, "epsilon", 0), "epsilon").Value ?? AnalysisOptions.NotebookEpsilon,
                RelativeFloor = First(analysis, map => values.Number(map, "relative_floor", 0), "relative_floor").Value ?? AnalysisOptions.NotebookRelativeFloor,
            },
            engine);
    }

    private static YamlMappingNode? Block(YamlValues values, YamlMappingNode parent, string key, IReadOnlyCollection<string> known)
    {
        if (YamlValues.Find(parent, key) is not { } node)
        {
            return null;
        }

        var block = values.Mapping(node, key);
        values.RequireKnownKeys(block, key, known);
        return block;
    }

    // The first level (model, then manifest) that sets the key, and the node that set it.
    private static (T? Value, YamlNode? Node) First<T>(IEnumerable<YamlMappingNode?> levels, Func<YamlMappingNode, T?> read, string key)
    {
        foreach (var level in levels)
        {
            if (level is not null && read(level) is { } value)
            {
                return (value, YamlValues.Find(level, key));
            }
        }

        return (default, null);
    }

    private static string CheckLayout(YamlValues values, string layout, YamlNode node)
    {
        int open = -1;
        for (int i = 0; i < layout.Length; i++)
        {
            if (layout[i] == '{' && open >= 0 || layout[i] == '}' && open < 0)
            {
                throw values.Error(node, DiagnosticCodes.Manifest.Template, $"layout has an unmatched '{layout[i]}' at offset {i}: placeholders are {{name}}");
            }

            open = layout[i] switch { '{' => i, '}' => -1, _ => open };
        }

        if (open >= 0)
        {
            throw values.Error(node, DiagnosticCodes.Manifest.Template, $"layout's '{{' at offset {open} is not closed by '}}'");
        }

        foreach (Match match in PlaceholderPattern().Matches(layout))
        {
            if (!LayoutPlaceholders.Contains(match.Groups[1].Value))
            {
                throw values.Error(node, DiagnosticCodes.Manifest.InvalidValue, $"layout placeholder {match.Value} is not one of {{{string.Join("}, {", LayoutPlaceholders)}}}");
            }
        }

        return layout;
    }

    private sealed record Context(YamlValues Values, IReadOnlyCollection<string> Engines, Func<string, string?> Environment, YamlMappingNode Root);

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex PlaceholderPattern();
}
