using System.Text.Json;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.Tool;

public class AnalyzeCommandTests
{
    [Fact]
    public void Writes_the_result_file_with_notebook_fields_and_provenance()
    {
        using var folder = new TemporaryFolder();
        string output = folder.File("out/result.json");

        var (code, _, _) = ToolRunner.Run("analyze", NotebookCases.Basic, "-o", output);

        Assert.Equal(0, code);
        var result = ResultJson.Read(output);
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("f32_basic")), result.Layers);
        Assert.Equal(FileFingerprint.Compute(NotebookCases.Basic), result.Input.Fingerprint);
        Assert.Equal([3L, 4, 12, 12], result.Input.Shape);
        Assert.Equal("float32", result.Input.Dtype);
        Assert.Equal("notebook", result.Options.Slopes);
        Assert.Equal(1e-10, result.Options.Epsilon);
        Assert.Equal("fast", result.Tool.Engine);

        using var json = JsonDocument.Parse(File.ReadAllBytes(output));
        var layer = json.RootElement.GetProperty("layers")[0];
        string[] notebookNames =
        [
            "layer", "combinations", "violations_count", "total_absolute_error", "total_relative_error",
            "violation_rate", "absolute_error", "absolute_error_std", "relative_error", "relative_error_std",
        ];
        Assert.Equal(notebookNames, layer.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Without_an_output_file_the_result_goes_to_standard_output()
    {
        var (code, output, error) = ToolRunner.Run("analyze", NotebookCases.Basic, "--epsilon", "1e-6", "--relative-floor", "1e-3");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var result = ResultJson.FromBytes(System.Text.Encoding.UTF8.GetBytes(output));
        Assert.Equal(1e-6, result.Options.Epsilon);
        Assert.Equal(1e-3, result.Options.RelativeFloor);
    }

    [Fact]
    public void Options_reach_the_engine()
    {
        var testCase = NotebookCases.Get("eps_floor");
        var result = AnalyzedResult.Of(NotebookCases.PathOf(testCase), "--epsilon", "1e-6", "--relative-floor", "0.001");

        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(testCase), result.Layers);
    }

    [Theory]
    [MemberData(nameof(NotebookCases.Errors), MemberType = typeof(NotebookCases))]
    public void Bad_input_exits_2_with_one_line_and_leaves_existing_results_alone(string name)
    {
        string path = NotebookCases.PathOf(NotebookCases.Get(name));
        using var folder = new TemporaryFolder();
        string output = folder.File("result.json");
        File.WriteAllText(output, "previous result");

        var (code, stdout, error) = ToolRunner.Run("analyze", path, "-o", output);

        // The error is one line, the last; before it may stand only the progress lines of layers
        // that finished first (layers run in parallel, so whether one does is a race).
        string[] lines = error.TrimEnd('\n').Split('\n');
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(path)}: error MONO0[23][0-9]: ", lines[^1]);
        Assert.All(lines[..^1], line => Assert.Matches($"^{System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(path))}: layer [0-9]+/[0-9]+$", line));
        Assert.Equal("previous result", File.ReadAllText(output));
        Assert.Equal(["result.json"], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("reference", "1")]
    [InlineData("fast", "1")]
    [InlineData("fast", "3")]
    public void Every_engine_and_thread_count_gives_the_notebook_numbers(string engine, string threads)
    {
        var result = AnalyzedResult.Of(NotebookCases.Basic, "--engine", engine, "--threads", threads);

        Assert.Equal(engine, result.Tool.Engine);
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("f32_basic")), result.Layers);
    }
}
