using Monotone.Appendix;
using Monotone.Figures;
using Monotone.Pipeline;
using Monotone.Report;

namespace Monotone.Tool.Paper;

/// <summary>
/// The tool's drawing libraries behind <see cref="IPaperDrawing"/>, for the pipeline's paper
/// stages. The results are read once, when a stage is first planned, so a `repro` that analyses
/// first draws from what the analysis wrote.
/// </summary>
internal sealed class PaperDrawing(Manifest.Manifest manifest) : IPaperDrawing
{
    private PaperInputs? inputs;

    // Hashing the four assemblies' code takes tens of milliseconds: only when a paper stage is checked.
    private readonly Lazy<string> codeIdentity = new(() => Pipeline.CodeIdentity.Of(AppContext.BaseDirectory) ?? Pipeline.CodeIdentity.Of(
        [.. new[] { typeof(PaperDrawing), typeof(FigureSet), typeof(AppendixDocument), typeof(ReportPage) }.Select(t => t.Assembly.ManifestModule.ModuleVersionId)]));

    /// <summary>The tool's own drawing assemblies, from their files beside it; from the loaded modules where it runs from no files.</summary>
    public string CodeIdentity => codeIdentity.Value;

    public IReadOnlyList<StageOutput> Plan(StageKind stage)
    {
        inputs ??= PaperInputs.Load(manifest);
        var files = stage switch
        {
            StageKind.Figures => PaperFiles.Figures(inputs),
            StageKind.Latex => PaperFiles.Latex(inputs),
            StageKind.Appendix => PaperFiles.Appendix(inputs),
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "the analysis draws nothing"),
        };
        return [.. files.Select(f => new StageOutput(f.Path, f.Content))];
    }
}
