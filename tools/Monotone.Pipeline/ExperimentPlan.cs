using System.Globalization;
using Monotone.Manifest;

namespace Monotone.Pipeline;

/// <summary>Turns the manifest into experiments, in manifest order (models, then sequence lengths).</summary>
public static class ExperimentPlan
{
    public const string ResultFileName = "monotonicity.json";
    public const string CsvFileName = "monotonicity.csv";

    /// <summary>experiments/ beside the manifest: the committed scientific record.</summary>
    public static string ExperimentsFolder(Manifest.Manifest manifest) => Path.Combine(manifest.Folder, "experiments");

    public static IReadOnlyList<Experiment> From(Manifest.Manifest manifest)
    {
        var experiments = new List<Experiment>();
        foreach (var model in manifest.Models)
        {
            foreach (int n in model.Settings.SequenceLengths.Distinct())
            {
                string folder = Path.Combine(ExperimentsFolder(manifest), model.Label, n.ToString(CultureInfo.InvariantCulture));
                experiments.Add(new Experiment(
                    model,
                    n,
                    InputFor(manifest, model, n),
                    Path.Combine(folder, ResultFileName),
                    Path.Combine(folder, CsvFileName)));
            }
        }

        return experiments;
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
    /// Keeps the experiments named by model label ("mpt-7b") or by key ("mpt-7b/256");
    /// a name that matches nothing is a <see cref="UsageException"/>.
    /// </summary>
    public static IReadOnlyList<Experiment> Only(IReadOnlyList<Experiment> experiments, IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
        {
            return experiments;
        }

        static bool Matches(Experiment e, string name) => e.Label == name || e.Key == name;
        var unknown = names.Where(name => !experiments.Any(e => Matches(e, name))).ToList();
        return unknown.Count == 0
            ? [.. experiments.Where(e => names.Any(name => Matches(e, name)))]
            : throw new UsageException($"no experiment or model labelled {string.Join(", ", unknown.Select(l => $"'{l}'"))} in the manifest");
    }
}
