using Microsoft.Build.Framework;
using Monotone.Core;
using Monotone.Manifest;
using Monotone.Results;

namespace Monotone.Build;

/// <summary>
/// A task over one study: reads its manifest and runs <see cref="Run"/>, translating every
/// failure the pipeline can meet into one canonical error line (a manifest error with its line
/// and column, a bad input or output with its path, anything else as MONO1010 on the manifest).
/// </summary>
/// <remarks>
/// These tasks run in a task host (TaskHostFactory); a process that dies there leaves the build
/// waiting with no output, so no exception the pipeline documents may escape. The manifest's
/// nesting is bounded before anything recursive reads it (<see cref="ManifestLimits.MaxDepth"/>).
/// </remarks>
public abstract class ManifestTask : Microsoft.Build.Utilities.Task
{
    /// <summary>The study's experiments.yaml.</summary>
    [Required]
    public string Manifest { get; set; } = "";

    public sealed override bool Execute()
    {
        try
        {
            Run(ManifestReader.Read(Manifest, []));
        }
        catch (ManifestException e)
        {
            Log.LogError(null, e.Code, null, e.FilePath, e.Location.Line, e.Location.Column, 0, 0, "{0}", e.Problem);
        }
        catch (OutputFileException e)
        {
            Log.LogError(null, e.Code, null, e.Path, 0, 0, 0, 0, "{0}", DiagnosticText.Escape(e.Problem));
        }
        catch (BadInputException e)
        {
            Log.LogError(null, e.Code, null, e.Path, 0, 0, 0, 0, "{0}", DiagnosticText.Escape(e.Problem));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or OutOfMemoryException or Pipeline.UsageException)
        {
            Log.LogError(null, DiagnosticCodes.Build.PlanFailed, null, Manifest, 0, 0, 0, 0, "{0}", DiagnosticText.Escape(e.Message));
        }

        return !Log.HasLoggedErrors;
    }

    /// <summary>The task's work on the study read from <see cref="Manifest"/>; errors go to <c>Log</c>.</summary>
    protected abstract void Run(Manifest.Manifest manifest);
}
