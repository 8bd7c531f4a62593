using Monotone.Engine;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>Every kind of bad input gives one line that names the file and the problem.</summary>
public class BadInputTests
{
    [Theory]
    [MemberData(nameof(NotebookCases.Errors), MemberType = typeof(NotebookCases))]
    public void Bad_input_is_reported_in_one_line_naming_the_file(string name)
    {
        var testCase = NotebookCases.Get(name);
        string path = NotebookCases.PathOf(testCase);

        var error = Assert.Throws<BadInputException>(() =>
        {
            using var tensor = AttentionTensor.Open(path);
            new ReferenceEngine().Analyze(tensor, new AnalysisOptions());
        });

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(testCase.GetProperty("error").GetString()!, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void A_dict_names_its_keys_and_the_option_that_chooses_one()
    {
        string path = Path.Combine(NotebookCases.Folder, "dict.pt");

        var error = Assert.Throws<BadInputException>(() => AttentionTensor.Open(path));

        Assert.Contains("attention_probs_mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("--tensor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_tensor_name_lists_the_ones_there()
    {
        string path = Path.Combine(NotebookCases.Folder, "two_tensors_f32.safetensors");

        var error = Assert.Throws<BadInputException>(() => AttentionTensor.Open(path, "nope"));

        Assert.Contains("attention_probs_mean", error.Message, StringComparison.Ordinal);
        Assert.Contains("other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_slope_list_of_the_wrong_length_names_the_file()
    {
        string path = Path.Combine(NotebookCases.Folder, "f32_basic.pt");
        using var tensor = AttentionTensor.Open(path);
        var options = new AnalysisOptions { Slopes = SlopeSpec.Parse("0.5,0.25") };

        var error = Assert.Throws<BadInputException>(() => new ReferenceEngine().Analyze(tensor, options));

        Assert.Contains("2 values but the tensor has 4 heads", error.Message, StringComparison.Ordinal);
    }
}
