using Microsoft.Build.Framework;
using Monotone.Core;
using Monotone.Manifest;
using Monotone.Pipeline;

namespace Monotone.Build;

/// <summary>
/// `dotnet clean`: deletes the files this study's stage record lists (figures, LaTeX, appendix,
/// report; never another study's, never the committed results under experiments/) and the record
/// itself, through the pipeline's <see cref="PaperStages.Clean"/>.
/// </summary>
public sealed class CleanPipeline : Microsoft.Build.Utilities.Task
{
    [Required]
    public string Manifest { get; set; } = "";

    public override bool Execute()
    {
        try
        {
            foreach (string file in PaperStages.Clean(ManifestReader.Read(Manifest, [])))
            {
                Log.LogMessage(MessageImportance.Normal, $"monotone: removed {file}");
            }
        }
        catch (ManifestException e)
        {
            Log.LogError(null, e.Code, null, e.FilePath, e.Location.Line, e.Location.Column, 0, 0, "{0}", e.Problem);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadInputException)
        {
            Log.LogError(null, DiagnosticCodes.Build.PlanFailed, null, Manifest, 0, 0, 0, 0, "{0}", DiagnosticText.Escape(e.Message));
        }

        return !Log.HasLoggedErrors;
    }
}
