using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Monotone.Core;
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
    /// <summary>The plan could not be made for a reason outside the manifest (the file system, memory).</summary>
    public const string PlanFailed = "MONO1010";

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

    /// <remarks>
    /// This task runs in a task host (TaskHostFactory); a process that dies there leaves the
    /// build waiting with no output. So every failure the plan can meet becomes an error line,
    /// and the manifest's nesting is bounded before anything recursive reads it
    /// (<see cref="ManifestLimits.MaxDepth"/>).
    /// </remarks>
    public override bool Execute()
    {
        try
        {
            return Plan();
        }
        catch (ManifestException e)
        {
            Log.LogError(null, e.Code, null, e.FilePath, e.Location.Line, e.Location.Column, 0, 0, "{0}", e.Problem);
            return false;
        }
        catch (OutputFileException e)
        {
            Log.LogError(null, e.Code, null, e.Path, 0, 0, 0, 0, "{0}", DiagnosticText.Escape(e.Problem));
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or OutOfMemoryException or UsageException)
        {
            Log.LogError(null, PlanFailed, null, Manifest, 0, 0, 0, 0, "{0}", DiagnosticText.Escape(e.Message));
            return false;
        }
    }

    private bool Plan()
    {
        // Engine names are checked by the tool, which knows every engine.
        var manifest = ManifestReader.Read(Manifest, []);
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
        AppendixDefinition = Write("appendix.definition", Definitions.OfAppendix(manifest, experiments));
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
