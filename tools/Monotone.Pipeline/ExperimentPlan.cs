using System.Globalization;
using Monotone.Manifest;
using Monotone.Results;

namespace Monotone.Pipeline;

/// <summary>
/// Turns the manifest into experiments, in manifest order: models, then sequence lengths, then
/// variants (the default first, then the named ones in manifest order; docs/variants.md).
/// </summary>
public static class ExperimentPlan
{
    /// <summary>experiments/ beside the manifest: the committed scientific record.</summary>
    public static string ExperimentsFolder(Manifest.Manifest manifest) => Path.Combine(manifest.Folder, "experiments");

    /// <summary>The separator between a key's or folder's sequence length and its variant: "mpt-7b/256@epsilon-1e-6".</summary>
    public const char VariantSeparator = '@';

    public static IReadOnlyList<Experiment> From(Manifest.Manifest manifest)
    {
        var experiments = new List<Experiment>();
        foreach (var model in manifest.Models)
        {
            foreach (int n in model.Settings.SequenceLengths.Distinct())
            {
                var input = InputFor(manifest, model, n);
                experiments.Add(At(manifest, model, n, input, null));

                // A named variant's folder sits beside the default's (256@name next to 256), so no
                // result folder lies inside another and no folder name is reserved.
                foreach (var variant in manifest.Variants)
                {
                    if (variant.Models.FirstOrDefault(m => m.Label == model.Label) is { } resolved)
                    {
                        experiments.Add(At(manifest, resolved, n, input, variant.Name) with { Variant = variant.Name });
                    }
                }
            }
        }

        return experiments;
    }

    /// <summary>The variant an experiment's key ("mpt-7b/256@epsilon-1e-6") or folder names: after '@', or <c>default</c>.</summary>
    public static string VariantOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int at = key.LastIndexOf(VariantSeparator);
        return at < 0 ? Manifest.Variant.DefaultName : key[(at + 1)..];
    }

    private static Experiment At(Manifest.Manifest manifest, ModelEntry model, int n, ExperimentInput input, string? variant)
    {
        string length = n.ToString(CultureInfo.InvariantCulture);
        string folder = Path.Combine(ExperimentsFolder(manifest), model.Label, variant is null ? length : $"{length}{VariantSeparator}{variant}");
        return new Experiment(model, n, input, Path.Combine(folder, ResultJson.FileName), Path.Combine(folder, ResultCsv.FileName));
    }

    private static ExperimentInput InputFor(Manifest.Manifest manifest, ModelEntry model, int n)
    {
        var settings = model.Settings;
        if (settings.Source == DataSource.Synthetic)
        {
            return new SyntheticInput(model.Id, model.Layers!.Value, model.Heads!.Value, n, settings.Seed);
        }

        string path = settings.Layout
            .Replace("{root}", settings.Root, StringComparison.Ordinal)
            .Replace("{model_dir}", model.FolderName, StringComparison.Ordinal)
            .Replace("{model_id}", model.Id, StringComparison.Ordinal)
            .Replace("{label}", model.Label, StringComparison.Ordinal)
            .Replace("{sequence_length}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{file}", settings.File, StringComparison.Ordinal);
        return new FileInput(Path.GetFullPath(path, manifest.Folder), settings.Tensor);
    }

    /// <summary>
    /// Keeps the experiments named by model label ("mpt-7b", every length and variant), by key
    /// ("mpt-7b/256", "mpt-7b/256@epsilon-1e-6"), by variant ("@epsilon-1e-6": every model
    /// of it; "@default": the study's own options) or by model and variant
    /// ("mpt-7b@epsilon-1e-6"); a name that matches nothing is a <see cref="UsageException"/>.
    /// </summary>
    public static IReadOnlyList<Experiment> Only(IReadOnlyList<Experiment> experiments, IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
        {
            return experiments;
        }

        var unknown = names.Where(name => !experiments.Any(e => Matches(e, name))).ToList();
        return unknown.Count == 0
            ? [.. experiments.Where(e => names.Any(name => Matches(e, name)))]
            : throw new UsageException($"nothing in the manifest is named {string.Join(", ", unknown.Select(l => $"'{l}'"))} ({Hint(experiments, unknown[0])})");
    }

    // What the first unknown name was probably meant to be, part by part (label, sequence length,
    // variant; each only against its own kind, and case-sensitive as the manifest's names are), or
    // else which models, lengths and variants there are.
    private static string Hint(IReadOnlyList<Experiment> experiments, string name)
    {
        var labels = experiments.Select(e => e.Label).Distinct(StringComparer.Ordinal).ToList();
        var lengths = experiments.Select(e => e.SequenceLength.ToString(CultureInfo.InvariantCulture)).Distinct(StringComparer.Ordinal).ToList();
        var variants = experiments.Select(e => e.Variant).Distinct(StringComparer.Ordinal).ToList();

        int at = name.IndexOf(VariantSeparator, StringComparison.Ordinal);
        string head = at < 0 ? name : name[..at];
        int slash = head.IndexOf('/', StringComparison.Ordinal);
        string? label = Nearest(slash < 0 ? head : head[..slash], labels, optional: true);
        // Any two short numbers are a "near" spelling of each other: a length is named exactly or listed.
        string? length = slash < 0 ? "" : lengths.Contains(head[(slash + 1)..], StringComparer.Ordinal) ? head[(slash + 1)..] : null;
        string? variant = at < 0 ? "" : Nearest(name[(at + 1)..], variants, optional: false);
        string? meant = label is null || length is null || variant is null ? null
            : $"{label}{(slash < 0 ? "" : $"/{length}")}{(at < 0 ? "" : $"{VariantSeparator}{variant}")}";
        return meant is not null && experiments.Any(e => Matches(e, meant))
            ? $"did you mean '{meant}'?"
            : $"the models are {Listed(labels)}; the sequence lengths are {Listed(lengths)}; the variants are {Listed(variants.Select(v => $"{VariantSeparator}{v}"))}";
    }

    // The part itself when known, else the nearest known one (KeySuggestion); an empty label ("@name") stays empty.
    private static string? Nearest(string part, IReadOnlyList<string> known, bool optional) =>
        (optional && part.Length == 0) || known.Contains(part, StringComparer.Ordinal) ? part : KeySuggestion.Closest(part, known);

    private static bool Matches(Experiment e, string name) =>
        e.Label == name || e.Key == name
        || (name.IndexOf(VariantSeparator, StringComparison.Ordinal) is int at && at >= 0
            && (at == 0 || name[..at] == e.Label) && name[(at + 1)..] == e.Variant);

    // A study may have hundreds of models: the first few make the point.
    private static string Listed(IEnumerable<string> names)
    {
        const int Shown = 8;
        var all = names.ToList();
        return all.Count <= Shown ? string.Join(", ", all) : $"{string.Join(", ", all.Take(Shown))} and {all.Count - Shown} more";
    }
}
