using System.Text.Json.Nodes;
using Monotone.Core;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// What a result records about its input and engine is checked, not only its numbers: a dtype or
/// engine the tool does not have makes the file invalid (status: stale, MONO060), and a dtype or
/// shape other than its unchanged input's makes verify report the result as invalid.
/// </summary>
public sealed class RecordedClaimTests
{
    [Theory]
    [InlineData("dtype", "int8", "input.dtype 'int8' is not a dtype the tool reads")]
    [InlineData("dtype", "Float32", "input.dtype 'Float32' is not a dtype the tool reads")]
    [InlineData("engine", "gpu", "tool.engine 'gpu' is not an engine the tool has")]
    [InlineData("engine", "auto", "tool.engine 'auto' is not an engine the tool has")]
    [InlineData("engine", "torch:", "tool.engine 'torch:' is not an engine the tool has")]
    public void A_result_claiming_a_dtype_or_engine_the_tool_lacks_is_invalid(string field, string value, string problem)
    {
        using var study = new SampleStudy().Ran("run");
        Edit(study.Result("alpha", 16), field, value);

        var error = Assert.Throws<BadInputException>(() => ResultJson.Read(study.Result("alpha", 16)));
        var status = study.Tool("status", "--check");

        Assert.Equal(DiagnosticCodes.Record.InvalidResult, error.Code);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        RunAssert.StatusSays(status, 1, $"alpha/16  stale: unreadable: invalid result: {problem}");
    }

    [Theory]
    [InlineData("engine", "torch:cuda:0")]
    [InlineData("engine", "reference")]
    [InlineData("dtype", "float32")]
    public void Every_engine_and_dtype_the_tool_records_is_valid(string field, string value)
    {
        using var study = new SampleStudy().Ran("run");
        Edit(study.Result("alpha", 16), field, value);

        var result = ResultJson.Read(study.Result("alpha", 16));

        Assert.Equal(value, field == "engine" ? result.Tool.Engine : result.Input.Dtype);
    }

    // The input's bytes are unchanged (same fingerprint), yet the result says it read float64:
    // the file was edited, and verify says so instead of passing it on its numbers.
    [Fact]
    public void Verify_reports_a_result_claiming_a_dtype_its_unchanged_input_does_not_have()
    {
        using var study = SampleStudy.Built();
        Edit(study.Result("alpha", 16), "dtype", "float64");

        var verify = study.Tool("verify");

        RunAssert.Printed(verify, 1, "verify: 1 of 2 experiments differ");
        Assert.Matches(@"alpha/16\s+-\s+result\s+input\.dtype is float64, but the input holds float32", verify.Out);
    }

    private static void Edit(string path, string field, string value)
    {
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        json[field == "engine" ? "tool" : "input"]![field] = value;
        File.WriteAllText(path, json.ToJsonString());
    }
}
