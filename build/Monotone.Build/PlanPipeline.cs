using Microsoft.Build.Framework;
using Monotone.Pipeline;
using Monotone.Results;

namespace Monotone.Build;

/// <summary>
/// Decides, by content, which stages of the pipeline build/Monotone.targets must run: the
/// analysis (some experiment stale, or a kept result to warn about), the figures, and the LaTeX
/// with the appendix. The deciding is the pipeline's own (<see cref="StatusChecker"/>,
/// <see cref="StageChecker"/>), the same code `dotnet monotone status` and `repro` use; this task
/// only translates it into properties, so a build with nothing stale never starts the tool.
/// </summary>
public sealed class PlanPipeline : ManifestTask
{
    /// <summary>The folder of the dotnet-monotone.dll the build runs; empty when the tool comes from the tool manifest.</summary>
    public string ToolFolder { get; set; } = "";

    /// <summary>The repository's dotnet-tools.json, when the tool comes from it.</summary>
    public string ToolManifest { get; set; } = "";

    /// <summary>NuGet's global packages folder (NuGetPackageRoot), where `dotnet tool restore` puts the tool.</summary>
    public string PackageRoot { get; set; } = "";

    /// <summary>An experiment's result is stale: the analysis runs and may change results.</summary>
    [Output]
    public bool AnalysisStale { get; private set; }

    /// <summary>A fresh result is kept without its input: the analysis stage runs to warn (MONO061) and writes nothing.</summary>
    [Output]
    public bool KeptResults { get; private set; }

    [Output]
    public bool FiguresStale { get; private set; }

    /// <summary>The LaTeX or the appendix (with the report) is stale; one target makes both.</summary>
    [Output]
    public bool AppendixStale { get; private set; }

    // Engine names are checked by the tool, which knows every engine.
    protected override void Run(Manifest.Manifest manifest)
    {
        var checker = new StatusChecker(manifest);
        foreach (var experiment in ExperimentPlan.From(manifest))
        {
            // A stale result is not fingerprinted here: the analysis hashes its input beside it.
            var status = checker.Status(experiment, complete: false);
            AnalysisStale |= !status.Fresh;
            KeptResults |= status.Kept;
            if (!status.Fresh)
            {
                Log.LogMessage(MessageImportance.Low, $"monotone: {experiment.Key} is stale: {string.Join("; ", status.Reasons)}");
            }
        }

        // The table across experiments is the analysis stage's too: a missing or edited one is rewritten.
        if (ResultsTable.Status(manifest) is [_, ..] table)
        {
            AnalysisStale = true;
            Log.LogMessage(MessageImportance.Low, $"monotone: {ResultsTable.FileName} is stale: {string.Join("; ", table)}");
        }

        string? code = ToolFolder.Length > 0 ? CodeIdentity.Of(ToolFolder) : CodeIdentity.OfPackage(ToolManifest, PackageRoot);
        var stages = new StageChecker(manifest, code);
        foreach (var stage in StageNames.Paper)
        {
            var status = stages.Status(stage);
            if (!status.Fresh)
            {
                Log.LogMessage(MessageImportance.Low, $"monotone: {stage.Name()} is stale: {string.Join("; ", status.Reasons)}");
            }

            FiguresStale |= stage == StageKind.Figures && !status.Fresh;
            AppendixStale |= stage != StageKind.Figures && !status.Fresh;
        }
    }
}
