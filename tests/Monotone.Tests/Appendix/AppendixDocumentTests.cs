using Monotone.Appendix;
using Monotone.Appendix.Provenance;
using Monotone.Figures;
using Monotone.Results;
using Monotone.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;

namespace Monotone.Tests.Appendix;

public class AppendixDocumentTests
{
    private static readonly AppendixMetadata Metadata = new(
        "Attention Monotonicity in ALiBi Transformers",
        ["Ada Lovelace", "Alan Turing"],
        "Why this appendix exists.\n\nA second paragraph.");

    private static readonly Lazy<byte[]> SampleAppendix = new(() => AppendixDocument.Render(SampleResults.Models(256), new FigureSettings(), Metadata));

    [Fact]
    public void Holds_the_title_authors_labels_axis_titles_and_table_numbers()
    {
        string text = PdfText.Of(SampleAppendix.Value);
        var models = SampleResults.Models(256);
        var bloom = models[1].Results[0];
        var worstLayer = bloom.Layers.MaxBy(l => l.ViolationRate)!;

        PdfText.AssertContains(text, [Metadata.Title, "Ada Lovelace, Alan Turing", "Why this appendix exists."]);
        PdfText.AssertContains(text, [.. SampleResults.NotebookModels.Select(m => m.Label)]);
        PdfText.AssertContains(text, "Layer", "Violation Rate", "Average Absolute Error", "Average Relative Error");
        PdfText.AssertContains(text, Numbers.Rate(ModelSeries.MeanViolationRate(bloom)), Numbers.Rate(worstLayer.ViolationRate), Numbers.Integer(worstLayer.ViolationsCount));
        PdfText.AssertContains(text, bloom.Input.Fingerprint, "sh=2", "ε=1e\u221210");
    }

    [Fact]
    public void Has_numbered_pages_an_outline_per_section_and_document_information()
    {
        using var document = PdfDocument.Open(SampleAppendix.Value);

        Assert.True(document.NumberOfPages >= 5, $"only {document.NumberOfPages} pages");
        int last = document.NumberOfPages;
        Assert.Contains($"{last}/{last}", PdfText.Squeeze(document.GetPage(last).Text), StringComparison.Ordinal);
        Assert.Equal(Metadata.Title, document.Information.Title);
        Assert.Equal("Ada Lovelace, Alan Turing", document.Information.Author);
        Assert.Null(document.Information.CreationDate);

        Assert.True(document.TryGetBookmarks(out var bookmarks), "no outline");
        var sections = bookmarks.Roots.Select(n => n.Title).ToArray();
        Assert.Equal(["1  Introduction", "2  Method", "3  Figures", "4  Summary", "5  Per-layer results", "6  Provenance"], sections);
        var perLayer = bookmarks.Roots.Single(n => n.Title.StartsWith("5 ", StringComparison.Ordinal));
        Assert.Equal(5, perLayer.Children.Count);
        Assert.All(bookmarks.GetNodes().OfType<DocumentBookmarkNode>(), n => Assert.InRange(n.PageNumber, 1, last));
    }

    [Fact]
    public void Embeds_the_figures_as_vectors_not_images()
    {
        using var document = PdfDocument.Open(SampleAppendix.Value);

        Assert.All(document.GetPages(), page => Assert.Empty(page.GetImages()));
        PdfText.AssertContains(PdfText.Of(SampleAppendix.Value), "Figure 3:", "(average_relative_error.pdf)");
    }

    [Fact]
    public void Two_renders_give_the_same_bytes_and_a_date_comes_only_from_the_caller()
    {
        var models = SampleResults.Models(64, 256);
        var dated = Metadata with { Date = new DateTime(2024, 5, 1, 12, 0, 0, DateTimeKind.Utc) };

        byte[] first = AppendixDocument.Render(models, new FigureSettings(), dated);
        byte[] second = AppendixDocument.Render(models, new FigureSettings(), dated);

        Assert.Equal(first, second);
        using var document = PdfDocument.Open(first);
        Assert.StartsWith("D:20240501120000", document.Information.CreationDate, StringComparison.Ordinal);
    }

    [Fact]
    public void Marks_synthetic_inputs_and_only_those()
    {
        var models = SampleResults.Models(256);
        var measured = models[0].Results[0] with { Input = models[0].Results[0].Input with { Format = "torch", Path = "runs/mpt-7b/256/attention_probs_mean.pt" } };
        var mixed = new[] { new ModelSeries("mpt-7b", [measured]), models[1] };

        string text = PdfText.Of(AppendixDocument.Render(mixed, new FigureSettings(), Metadata));

        PdfText.AssertContains(text, "bloom-176b*", "attention_probs_mean.pt", "synthetic");
        Assert.DoesNotContain("mpt-7b*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Provenance_shows_each_experiments_own_input_and_the_commit_of_its_result()
    {
        var models = SampleResults.Models(256);
        var origins = new ResultOrigins(models.Select((m, i) => KeyValuePair.Create(
            m.Results[0], new ResultOrigin($"model-{i}_dir/256/attention_probs_mean.pt", i == 0 ? GitHistory.Uncommitted : $"{i:x}" + new string('c', 39)))));

        string text = PdfText.Of(AppendixDocument.Render(models, new FigureSettings(), Metadata with { Origins = origins }));

        PdfText.AssertContains(text, "model-0_dir/256/attention_probs_mean.pt", "model-4_dir/256/attention_probs_mean.pt", GitHistory.Uncommitted, "1ccccccccccc", "4ccccccccccc");
        Assert.DoesNotContain("1cccccccccccc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_rewrites_the_file_only_when_its_bytes_change()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("paper/appendix.pdf");
        var models = SampleResults.Models(256);

        Assert.True(AppendixDocument.Write(models, new FigureSettings(), Metadata, path).Changed);
        Assert.False(AppendixDocument.Write(models, new FigureSettings(), Metadata, path).Changed);
        Assert.True(AppendixDocument.Write(models, new FigureSettings(), Metadata with { Title = "Another title" }, path).Changed);
    }
}
