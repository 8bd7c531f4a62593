using System.Text;
using Monotone.Appendix;
using Monotone.Figures;

namespace Monotone.Tool.Paper;

/// <summary>
/// Every file of the figures layer and of the appendix layer, with the bytes it
/// should hold: `figures` and `appendix` write them, `verify` compares them.
/// </summary>
internal static class PaperFiles
{
    public static IReadOnlyList<PlannedFile> Figures(PaperInputs inputs) =>
    [
        .. FigureSet.Plan(inputs.Models, inputs.Settings).SelectMany(figure => new PlannedFile[]
        {
            new(Path.Combine(inputs.FiguresFolder, figure.Name + ".pdf"), () => FigureFiles.Pdf(figure)),
            new(Path.Combine(inputs.FiguresFolder, figure.Name + ".svg"), () => FigureFiles.Svg(figure)),
            new(Path.Combine(inputs.FiguresFolder, figure.Name + ".png"), () => FigureFiles.Png(figure)),
        }),
    ];

    public static IReadOnlyList<PlannedFile> Appendix(PaperInputs inputs) =>
    [
        new(inputs.AppendixPath, () => AppendixDocument.Render(inputs.Models, inputs.Settings, inputs.Metadata)),
        new(Path.Combine(inputs.GeneratedFolder, LatexExport.SummaryTableFile), () => Encoding.UTF8.GetBytes(LatexExport.SummaryTable(inputs.Models))),
        new(Path.Combine(inputs.GeneratedFolder, LatexExport.NumbersFile), () => Encoding.UTF8.GetBytes(LatexExport.Macros(inputs.Models, inputs.Settings))),
    ];
}

/// <summary>A generated file and how to make its bytes.</summary>
internal sealed record PlannedFile(string Path, Func<byte[]> Content)
{
    /// <summary>Whether the file on disk holds exactly the bytes it should.</summary>
    public bool IsCurrent() => File.Exists(Path) && File.ReadAllBytes(Path).AsSpan().SequenceEqual(Content());
}
