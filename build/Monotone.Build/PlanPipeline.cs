using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Monotone.Manifest;
using Monotone.Pipeline;
using Monotone.Results;

namespace Monotone.Build;

/// <summary>
/// Reads experiments.yaml and yields one item per experiment, with its input and
/// output paths, for build/Monotone.targets to batch over. Writes a definition file
/// per experiment (and for the figures and the appendix) only when its content
/// changes, so MSBuild's timestamp checks follow content, never checkouts.
/// </summary>
public sealed class PlanPipeline : Microsoft.Build.Utilities.Task
{
    [Required]
    public string Manifest { get; set; } = "";

    /// <summary>Where definition files and stamps go (under obj/).</summary>
    [Required]
    public string IntermediateFolder { get; set; } = "";

    /// <summary>Stamp files that list the files of one output layer; a stamp whose files are gone is deleted.</summary>
    public string[] Stamps { get; set; } = [];

    [Output]
    public ITaskItem[] Experiments { get; private set; } = [];

    [Output]
    public string FiguresDefinition { get; private set; } = "";

    [Output]
    public string AppendixDefinition { get; private set; } = "";

    public override bool Execute()
    {
        Manifest.Manifest manifest;
        try
        {
            // Engine names are checked by the tool, which knows every engine.
            manifest = ManifestReader.Read(Manifest, []);
        }
        catch (ManifestException e)
        {
            Log.LogError(null, e.Code, null, e.FilePath, e.Location.Line, e.Location.Column, 0, 0, e.Problem);
            return false;
        }

        Directory.CreateDirectory(IntermediateFolder);
        var experiments = ExperimentPlan.From(manifest);
        var checker = new StatusChecker(manifest);
        Experiments = [.. experiments.Select(e => Item(e, checker))];
        foreach (string stamp in Stamps.Where(s => File.Exists(s) && File.ReadAllLines(s).Any(f => f.Length > 0 && !File.Exists(f))))
        {
            // A deleted figure or appendix must be drawn again, though its stamp is newer than its inputs.
            File.Delete(stamp);
        }

        FiguresDefinition = Write("figures.definition", Definitions.OfFigures(manifest, experiments));
        AppendixDefinition = Write("appendix.definition", Definitions.OfAppendix(manifest));
        return !Log.HasLoggedErrors;
    }

    private TaskItem Item(Experiment experiment, StatusChecker checker)
    {
        string name = $"{experiment.Label}.{experiment.SequenceLength}";
        string definition = Write($"{name}.definition", Definitions.Of(experiment, checker.Status(experiment).Input));
        string stamp = Path.Combine(IntermediateFolder, $"{name}.stamp");

        // A deleted result must be analysed again even though its stamp is newer than its inputs.
        if (!File.Exists(experiment.ResultPath))
        {
            File.Delete(stamp);
        }

        // The item is its definition file: MSBuild correlates inputs with outputs
        // (for a partial build) only through the items themselves.
        var item = new TaskItem(definition);
        item.SetMetadata("Key", experiment.Key);
        item.SetMetadata("Label", experiment.Label);
        item.SetMetadata("SequenceLength", experiment.SequenceLength.ToString(System.Globalization.CultureInfo.InvariantCulture));

        item.SetMetadata("ResultFile", experiment.ResultPath);
        item.SetMetadata("StampFile", stamp);
        return item;
    }

    private string Write(string name, string content)
    {
        string path = Path.Combine(IntermediateFolder, name);
        if (AtomicFile.WriteIfChanged(path, Encoding.UTF8.GetBytes(content)))
        {
            Log.LogMessage(MessageImportance.Low, $"monotone: {name} changed");
        }

        return path;
    }
}
