using System.Text.Json;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// What is derived from the results (the paper stages, experiments/results.csv, each experiment's
/// monotonicity.csv) in `status` and `repro`: one rule for an output made from a stale result, each
/// stage stale only for what its files are made from, and the table never promised when it cannot be written.
/// </summary>
public sealed class DerivedOutputStatusTests
{
    private const string Epsilon = "\nanalysis:\n  epsilon: 1e-6\n";

    private const string Added = """

          - id: org/gamma
            label: gamma
            layers: 2
            heads: 2
        """;

    // An option that makes every result stale, and a model whose result is missing: the paper
    // stages and the table wait for the analysis in both, by the same words and the same JSON state.
    [Theory]
    [InlineData(Epsilon, "alpha/16, beta/16")]
    [InlineData(Added, "gamma/16")]
    public void Outputs_made_from_a_stale_or_missing_result_wait_for_its_analysis(string change, string keys)
    {
        using var study = new SampleStudy().Ran("repro");
        study.WriteManifest(SampleStudy.Tiny + change);

        var text = study.Tool("status", "--check");
        var json = study.Tool("status", "--json");

        string[] derivedOutputs = ["figures ", "latex   ", "appendix", "results.csv"];
        RunAssert.StatusSays(text, 1, [.. derivedOutputs.Select(output => $"{output}  stale: waits for the analysis of {keys}\n")]);

        using var document = JsonDocument.Parse(json.Out);
        var derived = document.RootElement.GetProperty("stages").EnumerateArray().Append(document.RootElement.GetProperty("table")).ToList();
        Assert.Equal(4, derived.Count);
        foreach (var output in derived)
        {
            Assert.Equal("waiting", output.GetProperty("state").GetString());
            Assert.False(output.GetProperty("fresh").GetBoolean());
            Assert.Equal(keys.Split(", "), output.GetProperty("waits_for").EnumerateArray().Select(k => k.GetString()));
            Assert.Equal([$"waits for the analysis of {keys}"], output.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        }
    }

    [Fact]
    public void Fresh_and_stale_outputs_say_so_in_the_json_state()
    {
        using var study = new SampleStudy().Ran("repro");
        study.WriteManifest(SampleStudy.Tiny + "\nfigures:\n  show_std_error: true\n");

        var (code, output, _) = study.Tool("status", "--json");

        Assert.Equal(0, code);
        using var document = JsonDocument.Parse(output);
        var states = document.RootElement.GetProperty("stages").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("state").GetString());
        Assert.Equal("stale", states["figures"]);
        Assert.Equal("fresh", states["latex"]);
        Assert.Equal("fresh", document.RootElement.GetProperty("table").GetProperty("state").GetString());
    }

    // Each stage is stale for what its files are made from: the LaTeX tables and numbers print no
    // standard error, so show_std_error redraws the figures and the appendix (which embeds them) only.
    [Fact]
    public void Show_std_error_makes_the_figures_and_appendix_stale_but_not_the_latex()
    {
        using var study = new SampleStudy().Ran("repro");
        string numbers = Path.Combine(study.Folder, "paper", "generated", "numbers.tex");
        var numbersTime = File.GetLastWriteTimeUtc(numbers);
        study.WriteManifest(SampleStudy.Tiny + "\nfigures:\n  show_std_error: true\n");

        var status = study.Tool("status");
        var repro = study.Tool("repro");

        RunAssert.StatusSays(
            status,
            0,
            "figures   stale: option show_std_error changed: false -> true",
            "latex     fresh",
            "appendix  stale: option show_std_error changed: false -> true");
        RunAssert.Logged(repro, 0, "monotone: latex: fresh");
        Assert.Equal(numbersTime, File.GetLastWriteTimeUtc(numbers));
    }

    // The primary sequence length is printed by every stage (the LaTeX macros name their values at it).
    [Fact]
    public void The_figures_sequence_length_makes_every_paper_stage_stale()
    {
        using var study = new SampleStudy(SampleStudy.Tiny.Replace("sequence_lengths: [16]", "sequence_lengths: [16, 12]", StringComparison.Ordinal)).Ran("repro");
        study.WriteManifest(SampleStudy.Tiny.Replace("sequence_lengths: [16]", "sequence_lengths: [16, 12]", StringComparison.Ordinal) + "\nfigures:\n  sequence_length: 12\n");

        var status = study.Tool("status");

        string[] paperStages = ["figures ", "latex   ", "appendix"];
        RunAssert.StatusSays(status, 0, [.. paperStages.Select(stage => $"{stage}  stale: option sequence_length changed: default -> 12")]);
    }

    // The table is written only when every experiment has a valid result: the dry run, the run's
    // lines and its summary say so alike, and no table is written.
    [Fact]
    public void Results_csv_is_never_promised_while_an_experiment_can_have_no_valid_result()
    {
        using var study = new SampleStudy(ReproTests.TwoFileModels);
        FileInputTests.CopyInput(study.Folder, "f32_basic.pt");
        const string NotWritten = "results.csv: not written while other/12 has no valid result";

        var dryRun = study.Tool("repro", "--dry-run");
        var run = study.Tool("repro", "--keep-going");

        RunAssert.Printed(dryRun, 0, $"monotone: {NotWritten}\n", "monotone: figures: would not be made, because the analysis of other/12 would fail");
        Assert.DoesNotContain("results.csv: would be written", dryRun.Out, StringComparison.Ordinal);
        RunAssert.Logged(run, 2, $"monotone: 1 analysed, 0 fresh, 1 failed; 0 paper stages made; {NotWritten}\n");
        Assert.False(File.Exists(Path.Combine(study.Folder, "experiments", "results.csv")));
    }

    // A damaged monotonicity.csv is named by status, as a damaged JSON is; run writes it again from
    // the JSON without analysing (the result stays fresh: nothing the paper draws from changed).
    [Fact]
    public void A_damaged_per_experiment_csv_is_named_by_status_and_repaired_by_run()
    {
        using var study = new SampleStudy().Ran("repro");
        string csv = Path.Combine(Path.GetDirectoryName(study.Result("alpha", 16))!, "monotonicity.csv");
        byte[] written = File.ReadAllBytes(csv);
        File.WriteAllBytes(csv, written.AsSpan(0, written.Length / 2).ToArray());

        var status = study.Tool("status", "--check");
        var json = study.Tool("status", "--json");
        var run = study.Tool("run");
        var after = study.Tool("status", "--check");

        RunAssert.StatusSays(status, 1, "alpha/16  stale: monotonicity.csv differs from monotonicity.json", "figures   fresh");
        using (var document = JsonDocument.Parse(json.Out))
        {
            var alpha = document.RootElement.GetProperty("experiments")[0];
            Assert.False(alpha.GetProperty("fresh").GetBoolean());
            Assert.StartsWith("monotonicity.csv differs", alpha.GetProperty("reasons")[0].GetString(), StringComparison.Ordinal);
        }

        RunAssert.Logged(run, 0, "0 analysed");
        Assert.Equal(written, File.ReadAllBytes(csv));
        Assert.Equal(0, after.ExitCode);

        File.Delete(csv);
        RunAssert.StatusSays(study.Tool("status"), 0, "alpha/16  stale: monotonicity.csv missing");
    }
}
