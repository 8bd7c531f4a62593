using System.Text.Json;
using Monotone.Tests.Support;

namespace Monotone.Tests.Tool;

/// <summary>The JSON documents of run, verify and status keep the shapes docs/json.md documents.</summary>
public class JsonOutputTests
{
    private static JsonElement Parse(string output) => JsonDocument.Parse(output).RootElement;

    private static string[] Names(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Run_json_says_what_happened_to_each_experiment()
    {
        using var study = new SampleStudy();

        var (code, output, error) = study.Tool("run", "--json");
        var (_, again, _) = study.Tool("run", "--json", "--force", "--only", "beta");

        Assert.True(code == 0, error);
        var root = Parse(output);
        Assert.Equal(["schema", "experiments", "summary", "table"], Names(root));
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        var alpha = root.GetProperty("experiments")[0];
        Assert.Equal(["key", "label", "sequence_length", "variant", "outcome", "result"], Names(alpha));
        Assert.Equal("alpha/16", alpha.GetProperty("key").GetString());
        Assert.Equal("alpha", alpha.GetProperty("label").GetString());
        Assert.Equal(16, alpha.GetProperty("sequence_length").GetInt32());
        Assert.Equal("analysed", alpha.GetProperty("outcome").GetString());
        Assert.Equal(Path.Combine("experiments", "alpha", "16", "monotonicity.json"), alpha.GetProperty("result").GetString());
        Assert.Equal("""{"analysed":2,"fresh":0,"kept":0,"failed":0}""", JsonSerializer.Serialize(root.GetProperty("summary")));
        var forced = Parse(again);
        Assert.Equal(["beta/16"], forced.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        Assert.Equal("""{"analysed":1,"fresh":0,"kept":0,"failed":0}""", JsonSerializer.Serialize(forced.GetProperty("summary")));
        // The first run wrote the table; the forced rerun made the same bytes, so the table was left as it was.
        Assert.Equal($$"""{"path":"{{Path.Combine("experiments", "results.csv")}}","written":true}""", JsonSerializer.Serialize(root.GetProperty("table")));
        Assert.Equal($$"""{"path":"{{Path.Combine("experiments", "results.csv")}}","written":false}""", JsonSerializer.Serialize(forced.GetProperty("table")));
    }

    [Fact]
    public void Run_json_counts_fresh_experiments_and_prints_only_json_on_standard_output()
    {
        using var study = new SampleStudy();
        study.Tool("run");

        var (code, output, error) = study.Tool("run", "--json");

        Assert.Equal(0, code);
        Assert.Contains("monotone: 0 analysed, 2 fresh", error, StringComparison.Ordinal);
        var root = Parse(output);
        Assert.Equal(["fresh", "fresh"], root.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("outcome").GetString()));
    }

    [Fact]
    public void Verify_json_passes_when_every_result_reproduces()
    {
        using var study = SampleStudy.Built();

        var (code, output, _) = study.Tool("verify", "--json");

        Assert.Equal(0, code);
        var root = Parse(output);
        Assert.Equal(["schema", "rtol", "atol", "passed", "experiments", "stale_paper_files", "summary"], Names(root));
        Assert.True(root.GetProperty("passed").GetBoolean());
        var alpha = root.GetProperty("experiments")[0];
        Assert.Equal(["key", "variant", "outcome", "problem", "input", "differences"], Names(alpha));
        Assert.Equal("reproduced", alpha.GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, alpha.GetProperty("input").ValueKind);
        Assert.Empty(root.GetProperty("stale_paper_files").EnumerateArray());
        Assert.Equal("""{"reproduced":2,"differs":0,"kept":0,"unverifiable":0}""", JsonSerializer.Serialize(root.GetProperty("summary")));
    }

    [Fact]
    public void Verify_json_gives_each_difference_as_numbers_and_exits_1()
    {
        using var study = SampleStudy.Built();
        string path = study.Result("beta", 16);
        var result = Monotone.Results.ResultJson.Read(path);
        var layers = result.Layers.ToArray();
        var was = layers[1];
        long count = was.ViolationsCount;

        // One more violation, with the fields derived from it, so the file stays a valid result.
        layers[1] = Monotone.Core.LayerStats.FromTotals(
            was.Combinations, count + 1, was.TotalAbsoluteError, was.TotalRelativeError, was.AbsoluteErrorStd, was.RelativeErrorStd) with { Layer = was.Layer };
        File.WriteAllBytes(path, Monotone.Results.ResultJson.ToBytes(result with { Layers = layers }));

        var (code, output, _) = study.Tool("verify", "--json");

        Assert.Equal(1, code);
        var root = Parse(output);
        Assert.False(root.GetProperty("passed").GetBoolean());
        var beta = root.GetProperty("experiments")[1];
        Assert.Equal("beta/16", beta.GetProperty("key").GetString());
        Assert.Equal("differs", beta.GetProperty("outcome").GetString());
        var difference = beta.GetProperty("differences")[0];
        Assert.Equal(["layer", "field", "committed", "recomputed"], Names(difference));
        Assert.Equal(2, difference.GetProperty("layer").GetInt32());
        Assert.Equal("violations_count", difference.GetProperty("field").GetString());
        Assert.Equal(count + 1, difference.GetProperty("committed").GetInt64());
        Assert.Equal(count, difference.GetProperty("recomputed").GetInt64());
    }

    [Fact]
    public void Status_json_keeps_its_shape_and_writes_arrows_as_they_are()
    {
        using var study = new SampleStudy();
        study.Tool("run");
        study.WriteManifest(SampleStudy.Tiny + "\nanalysis:\n  epsilon: 1e-6\n");

        var (code, output, _) = study.Tool("status", "--json");

        Assert.Equal(0, code);
        var alpha = Parse(output).GetProperty("experiments")[0];
        Assert.Equal(
            ["experiment", "label", "sequence_length", "variant", "fresh", "kept", "input_present", "reasons", "input_fingerprint", "fingerprint_origin", "result"],
            Names(alpha));
        Assert.Contains("option epsilon changed: 1E-10 -> 1E-06", alpha.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Contains("1E-10 -> 1E-06", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u003E", output, StringComparison.Ordinal);
    }
}
