using Monotone.Appendix;
using Monotone.Figures;

namespace Monotone.Tool.Paper;

/// <summary>The files of the figures layer and of the appendix layer, as the libraries plan them.</summary>
internal static class PaperFiles
{
    public static IReadOnlyList<PlannedFile> Figures(PaperInputs inputs) =>
        FigureSet.Files(inputs.Models, inputs.Settings, inputs.FiguresFolder);

    public static IReadOnlyList<PlannedFile> Appendix(PaperInputs inputs) =>
    [
        AppendixDocument.File(inputs.Models, inputs.Settings, inputs.Metadata, inputs.AppendixPath),
        .. LatexExport.Files(inputs.Models, inputs.Settings, inputs.GeneratedFolder),
    ];
}
