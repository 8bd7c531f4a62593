using Microsoft.Build.Framework;
using Monotone.Pipeline;

namespace Monotone.Build;

/// <summary>
/// `dotnet clean`: deletes the files this study's stage record lists (figures, LaTeX, appendix,
/// report; never another study's, never the committed results under experiments/) and the record
/// itself, through the pipeline's <see cref="PaperStages.Clean"/>.
/// </summary>
public sealed class CleanPipeline : ManifestTask
{
    protected override void Run(Manifest.Manifest manifest)
    {
        foreach (string file in PaperStages.Clean(manifest))
        {
            Log.LogMessage(MessageImportance.Normal, $"monotone: removed {file}");
        }
    }
}
