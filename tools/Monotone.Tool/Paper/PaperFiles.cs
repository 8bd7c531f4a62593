using Monotone.Appendix;
using Monotone.Figures;
using Monotone.Report;

namespace Monotone.Tool.Paper;

/// <summary>The files of each paper stage, as the libraries plan them: figures, LaTeX, and the appendix with the report.</summary>
internal static class PaperFiles
{
    public static IReadOnlyList<PlannedFile> Figures(PaperInputs inputs) =>
        FigureSet.Files(inputs.Models, inputs.Settings, inputs.FiguresFolder);

    public static IReadOnlyList<PlannedFile> Latex(PaperInputs inputs) =>
        [.. LatexExport.Files(inputs.Models, inputs.Settings, inputs.GeneratedFolder).Select(Once)];

    /// <summary>
    /// The appendix and, last, the report, whose staleness table checks the appendix and the LaTeX
    /// (made before it, so the report sees them as just written). Each file's bytes are made once,
    /// whether they are written, compared, or both.
    /// </summary>
    public static IReadOnlyList<PlannedFile> Appendix(PaperInputs inputs)
    {
        var appendix = Once(AppendixDocument.File(inputs.Models, inputs.Settings, inputs.Metadata, inputs.AppendixPath));
        IReadOnlyList<PlannedFile> checkedByReport = [appendix, .. Latex(inputs)];
        return
        [
            appendix,
            ReportPage.File(inputs.Models, inputs.Settings, inputs.Metadata, () => StageStates.Of(inputs, checkedByReport), inputs.ReportPath),
        ];
    }

    private static PlannedFile Once(PlannedFile file)
    {
        var bytes = new Lazy<byte[]>(file.Content);
        return file with { Content = () => bytes.Value };
    }
}
