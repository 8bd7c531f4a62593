using Monotone.Core;
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

    [Theory]
    [InlineData("nan")]
    [InlineData("inf")]
    [InlineData("neg_inf_row")]
    [InlineData("nan_after_neg_inf")]
    public void The_fast_engine_refuses_values_as_the_reference_engine_does(string name)
    {
        var testCase = NotebookCases.Get(name);
        using var tensor = AttentionTensor.Open(NotebookCases.PathOf(testCase));

        var expected = Assert.Throws<BadInputException>(() => new ReferenceEngine().Analyze(tensor, new AnalysisOptions()));
        var actual = Assert.Throws<BadInputException>(() => new FastEngine(jobs: 1).Analyze(tensor, new AnalysisOptions()));

        Assert.Equal(expected.Message, actual.Message);
    }

    [Fact]
    public void A_dict_of_several_tensors_names_them_and_the_option_that_chooses_one()
    {
        // A dict with one tensor needs no choice (torch_dict_single_no_name); this one has three.
        string path = Path.Combine(NotebookCases.Folder, "state_dict_module.pt");

        var error = Assert.Throws<BadInputException>(() => AttentionTensor.Open(path));

        Assert.Equal(DiagnosticCodes.Input.TensorChoice, error.Code);
        Assert.Contains("an OrderedDict of 3 tensors, not a tensor (tensors: probe.attention_probs_mean [2, 4, 9, 9], proj.bias [2], proj.weight [2, 3])", error.Message, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("[1, 1, 2, 2]", "0, 64", "does not fill bytes 0..64")]
    [InlineData("[1, 1, 8, 8]", "0, 64", "does not fill bytes 0..64")]
    [InlineData("[1, 1, -2, -2]", "0, 16", "does not fill")]
    [InlineData("[1, 1, 2, 2]", "0, 9223372036854775807", "truncated")]
    [InlineData("[1, 1, 2, 2]", "-16, 0", "not a byte range")]
    [InlineData("[1, 1, 2, 2]", "0", "not a byte range")]
    [InlineData("[1, 1, 2.5, 2]", "0, 16", "damaged safetensors header")]
    public void A_safetensors_header_that_does_not_match_its_data_is_reported(string shape, string offsets, string problem)
    {
        using var folder = new TemporaryFolder();
        string path = SafetensorsFile.Write(folder.File("bad.safetensors"), $"{{\"t\": {{\"dtype\": \"F32\", \"shape\": {shape}, \"data_offsets\": [{offsets}]}}}}", new byte[64]);

        var error = Assert.Throws<BadInputException>(() => AttentionTensor.Open(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_safetensors_header_length_past_2_to_the_63_is_not_a_length()
    {
        using var folder = new TemporaryFolder();
        string path = SafetensorsFile.Write(folder.File("bad.safetensors"), "{\"t\": {}}", new byte[16]);
        using (var stream = File.OpenWrite(path))
        {
            stream.Position = 7;
            stream.WriteByte(0x80);
        }

        var error = Assert.Throws<BadInputException>(() => AttentionTensor.Open(path));

        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_break_in_a_tensor_name_does_not_break_the_message_in_two()
    {
        using var folder = new TemporaryFolder();
        const string empty = "{\"dtype\": \"F32\", \"shape\": [0], \"data_offsets\": [0, 0]}";
        string path = SafetensorsFile.Write(folder.File("names.safetensors"), $"{{\"a\\nb\": {empty}, \"c\": {empty}}}", []);

        var error = Assert.Throws<BadInputException>(() => AttentionTensor.Open(path));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("a b, c", error.Message, StringComparison.Ordinal);
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

    [Theory]
    [InlineData("[0, 16]", "[16, 32]")]
    [InlineData("[16, 32]", "[0, 16]")]
    public void Safetensors_byte_ranges_that_tile_the_data_in_any_order_are_read(string a, string b)
    {
        using var folder = new TemporaryFolder();
        string path = WriteTwoTensors(folder, a, b, 32);

        using var tensor = AttentionTensor.Open(path, "a");

        Assert.Equal(2, tensor.SequenceLength);
    }

    [Theory]
    [InlineData("[0, 16]", "[8, 24]", 32, "the byte ranges of 'a' and 'b' overlap")]
    [InlineData("[0, 16]", "[20, 36]", 36, "bytes 16..20 before 'b' belong to no tensor")]
    [InlineData("[0, 16]", "[16, 32]", 40, "8 bytes after the last tensor's data belong to no tensor")]
    public void Safetensors_byte_ranges_must_tile_the_data_as_the_safetensors_library_requires(string a, string b, int dataBytes, string problem)
    {
        using var folder = new TemporaryFolder();
        string path = WriteTwoTensors(folder, a, b, dataBytes);

        var error = Assert.Throws<BadInputException>(() => AttentionTensor.Open(path, "a"));

        Assert.Equal(DiagnosticCodes.Input.SafetensorsHeader, error.Code);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A [1, 1, 2, 2] float32 tensor 'a' and a [4] int32 tensor 'b' at the given byte ranges.</summary>
    private static string WriteTwoTensors(TemporaryFolder folder, string a, string b, int dataBytes) =>
        SafetensorsFile.Write(
            folder.File("ranges.safetensors"),
            $"{{\"a\": {{\"dtype\": \"F32\", \"shape\": [1, 1, 2, 2], \"data_offsets\": {a}}}, \"b\": {{\"dtype\": \"I32\", \"shape\": [4], \"data_offsets\": {b}}}}}",
            new byte[dataBytes]);
}
