using Monotone.Appendix;
using Monotone.Figures;
using Monotone.Report;

namespace Monotone.Tool.Paper;

/// <summary>The files of the figures layer and of the appendix layer (the appendix, its LaTeX and the report), as the libraries plan them.</summary>
internal static class PaperFiles
{
    public static IReadOnlyList<PlannedFile> Figures(PaperInputs inputs) =>
        FigureSet.Files(inputs.Models, inputs.Settings, inputs.FiguresFolder);

    /// <summary>
    /// The appendix, the LaTeX and, last, the report, whose staleness table checks the others:
    /// files are written in this order, so the report sees them as just written. Each file's
    /// bytes are made once, whether they are written, compared, or both.
    /// </summary>
    public static IReadOnlyList<PlannedFile> Appendix(PaperInputs inputs)
    {
        IReadOnlyList<PlannedFile> others =
        [
            Once(AppendixDocument.File(inputs.Models, inputs.Settings, inputs.Metadata, inputs.AppendixPath)),
            .. LatexExport.Files(inputs.Models, inputs.Settings, inputs.GeneratedFolder).Select(Once),
        ];
        return
        [
            .. others,
            ReportPage.File(inputs.Models, inputs.Settings, inputs.Metadata, () => StageStates.Of(inputs, others), inputs.ReportPath),
        ];
    }

    private static PlannedFile Once(PlannedFile file)
    {
        var bytes = new Lazy<byte[]>(file.Content);
        return file with { Content = () => bytes.Value };
    }
}
