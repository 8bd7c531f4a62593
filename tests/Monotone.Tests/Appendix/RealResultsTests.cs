using Monotone.Appendix;
using Monotone.Core;
using Monotone.Engine;
using Monotone.Figures;
using Monotone.Pipeline;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Appendix;

/// <summary>Results analysed from real torch.save fixtures: tiny, with layers that have no violations at all.</summary>
public class RealResultsTests
{
    private static MonotonicityResult Analyze(string fixture) =>
        ResultBuilder.AnalyzeFile(Path.Combine(NotebookCases.Folder, fixture), null, new AnalysisOptions(), new ReferenceEngine());

    [Fact]
    public void Fixture_results_render_figures_and_an_appendix()
    {
        var models = new[]
        {
            new ModelSeries("basic", [Analyze("f32_basic.pt")]),
            new ModelSeries("two rows", [Analyze("n2.pt")]),
        };
        using var folder = new TemporaryFolder();

        var figures = FigureSet.Render(models, new FigureSettings(ShowStdError: true), folder.Path);
        byte[] appendix = AppendixDocument.Render(models, new FigureSettings(), new AppendixMetadata("Fixtures", [], ""));

        // n = 12 and n = 2: two lengths, so three figures each plus the by-length figure.
        Assert.Equal(7 * 3, figures.Count);
        PdfText.AssertContains(PdfText.Of(File.ReadAllBytes(folder.File("violation_rate.pdf"))), "basic", "Layer");
        PdfText.AssertContains(PdfText.Of(File.ReadAllBytes(folder.File("average_relative_error_n2.pdf"))), "two rows");
        PdfText.AssertContains(PdfText.Of(File.ReadAllBytes(folder.File("violation_rate_by_length.pdf"))), "basic", "two rows", "12");
        string text = PdfText.Of(appendix);
        PdfText.AssertContains(text, "f32_basic.pt", models[0].Results[0].Input.Fingerprint, "torch");
        Assert.DoesNotContain("Introduction", text, StringComparison.Ordinal);
    }
}
