using Monotone.Figures;
using Monotone.Tests.Support;

namespace Monotone.Tests.Figures;

public class FigureSetTests
{
    [Fact]
    public void One_sequence_length_gives_the_notebooks_three_figures_in_three_formats()
    {
        using var folder = new TemporaryFolder();

        var written = FigureSet.Render(SampleResults.Models(256), new FigureSettings(), folder.Path);

        string[] names = ["violation_rate", "average_absolute_error", "average_relative_error"];
        Assert.Equal(names.SelectMany(n => FigureSet.Extensions.Select(e => n + e)).Order(), written.Select(w => Path.GetFileName(w.Path)).Order());
        Assert.All(written, w => Assert.True(w.Changed));
        Assert.All(written, w => Assert.Equal(new FileInfo(w.Path).Length, w.Bytes));
    }

    [Fact]
    public void Several_lengths_add_suffixed_figures_and_the_by_length_figure()
    {
        var figures = FigureSet.Plan(SampleResults.Models(64, 256, 1024), new FigureSettings(PrimarySequenceLength: 256));

        Assert.Equal(
            [
                "violation_rate", "average_absolute_error", "average_relative_error",
                "violation_rate_n64", "average_absolute_error_n64", "average_relative_error_n64",
                "violation_rate_n1024", "average_absolute_error_n1024", "average_relative_error_n1024",
                "violation_rate_by_length",
            ],
            figures.Select(f => f.Name));
        PdfText.AssertContains(PdfText.Of(FigureFiles.Pdf(figures[^1])), "Sequence Length", "Mean Violation Rate", "64", "256", "1024", "mpt-30b");
    }

    [Fact]
    public void Without_a_chosen_primary_length_the_first_results_length_is_primary()
    {
        var figures = FigureSet.Plan(SampleResults.Models(1024, 64), new FigureSettings());

        Assert.Equal("violation_rate", figures[0].Name);
        Assert.Contains("sequence length 1024", figures[0].Caption, StringComparison.Ordinal);
        Assert.Contains(figures, f => f.Name == "violation_rate_n64");
    }

    [Fact]
    public void A_second_render_of_the_same_results_rewrites_nothing()
    {
        using var folder = new TemporaryFolder();
        var models = SampleResults.Models(256);
        FigureSet.Render(models, new FigureSettings(), folder.Path);
        var before = Directory.GetFiles(folder.Path).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        Thread.Sleep(20);

        var again = FigureSet.Render(models, new FigureSettings(), folder.Path);

        Assert.All(again, w => Assert.False(w.Changed));
        Assert.All(before, f => Assert.Equal(f.Value, File.GetLastWriteTimeUtc(f.Key)));
    }

    [Fact]
    public void A_primary_length_no_model_has_is_refused()
    {
        Assert.Throws<ArgumentException>(() => FigureSet.Plan(SampleResults.Models(256), new FigureSettings(PrimarySequenceLength: 512)));
    }
}
