using System.Security.Cryptography;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// `dotnet monotone repro` end to end on small synthetic studies: every stage, each only when
/// stale; `--dry-run` writes nothing; `--keep-going` analyses past a failing experiment.
/// </summary>
public sealed class ReproTests
{
    /// <summary>Two models read from files under data/; tests give one of them its input.</summary>
    internal const string TwoFileModels = """
        data:
          source: files
          root: data
        sequence_lengths: [12]
        models:
          - { id: org/model, label: model, layers: 3, heads: 4 }
          - { id: org/other, label: other, layers: 3, heads: 4 }
        """;

    [Fact]
    public void Repro_makes_every_stage_and_a_second_repro_writes_nothing()
    {
        using var study = new SampleStudy();

        var first = study.Tool("repro");
        var made = Snapshot(study.Folder);
        var second = study.Tool("repro");

        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Equal(3, ResultJson.Read(study.Result("alpha", 16)).Layers.Count);
        foreach (string file in new[] { "paper/figures/violation_rate.pdf", "paper/generated/numbers.tex", "paper/appendix.pdf", "paper/report.html", ".monotone/stages/experiments.yaml.json" })
        {
            Assert.True(made.ContainsKey(file), file);
        }

        RunAssert.Logged(second, 0, "monotone: 0 analysed, 2 fresh; 0 paper stages made");
        Assert.Equal(made, Snapshot(study.Folder));
    }

    [Fact]
    public void The_analysis_stage_alone_counts_no_paper_stages_which_the_build_makes_next()
    {
        using var study = new SampleStudy();

        var analysis = study.Tool("repro", "--stage", "analysis");

        Assert.Equal(0, analysis.ExitCode);
        Assert.EndsWith("monotone: 2 analysed, 0 fresh; results.csv written\n", analysis.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("paper stages made", analysis.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dry_run_says_what_would_run_and_why_and_writes_nothing()
    {
        using var study = new SampleStudy();

        var dryRun = study.Tool("repro", "--dry-run");

        RunAssert.Printed(dryRun, 0, "alpha/16: would analyse (no result yet)", "monotone: figures: would be made (waits for the analysis of alpha/16, beta/16)");
        Assert.False(Directory.Exists(Path.Combine(study.Folder, "experiments")));
        Assert.False(Directory.Exists(Path.Combine(study.Folder, "paper")));
        Assert.False(Directory.Exists(Path.Combine(study.Folder, ".monotone", "stages")));
    }

    [Fact]
    public void A_dry_run_after_a_figure_option_names_the_option_and_changes_no_file()
    {
        using var study = new SampleStudy().Ran("repro");
        study.WriteManifest(SampleStudy.Tiny + "\nfigures:\n  show_std_error: true\n");
        var before = Snapshot(study.Folder);

        var dryRun = study.Tool("repro", "--dry-run");

        RunAssert.Printed(dryRun, 0, "alpha/16: fresh", "monotone: figures: would be made (option show_std_error changed: false -> true)");
        Assert.Equal(before, Snapshot(study.Folder));
    }

    [Fact]
    public void A_changed_output_is_stale_in_status_and_repro_rewrites_only_that_stage()
    {
        using var study = new SampleStudy().Ran("repro");
        string svg = Path.Combine(study.Folder, "paper", "figures", "violation_rate.svg");
        byte[] drawn = File.ReadAllBytes(svg);
        string appendix = Path.Combine(study.Folder, "paper", "appendix.pdf");
        var appendixTime = File.GetLastWriteTimeUtc(appendix);
        File.WriteAllText(svg, "<svg/>");

        var status = study.Tool("status", "--check");
        var repro = study.Tool("repro");
        var after = study.Tool("status", "--check");

        RunAssert.StatusSays(status, 1, "figures   stale: output changed: paper/figures/violation_rate.svg", "appendix  fresh");
        Assert.Equal(0, repro.ExitCode);
        Assert.Equal(drawn, File.ReadAllBytes(svg));
        Assert.Equal(appendixTime, File.GetLastWriteTimeUtc(appendix));
        Assert.Equal(0, after.ExitCode);
    }

    [Fact]
    public void Status_json_lists_the_paper_stages_after_the_experiments()
    {
        using var study = new SampleStudy().Ran("run");

        var (code, output, _) = study.Tool("status", "--json");

        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("schema").GetInt32());
        var experiments = json.RootElement.GetProperty("experiments").EnumerateArray().ToList();
        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["alpha/16", "beta/16"], experiments.Select(i => i.GetProperty("experiment").GetString()));
        Assert.True(experiments[0].GetProperty("fresh").GetBoolean());
        Assert.Equal(["figures", "latex", "appendix"], stages.Select(i => i.GetProperty("name").GetString()));
        Assert.False(stages[0].GetProperty("fresh").GetBoolean());
        Assert.Equal(["never made"], stages[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Without_keep_going_a_missing_input_stops_the_run_before_anything_is_analysed()
    {
        using var study = new SampleStudy(TwoFileModels);
        FileInputTests.CopyInput(study.Folder, "f32_basic.pt");

        var run = study.Tool("run");

        RunAssert.Logged(run, 2, "error MONO007: other/12: input not found: ");
        Assert.False(File.Exists(study.Result("model", 12)));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("repro")]
    public void Keep_going_analyses_past_a_missing_input_and_ends_with_a_summary_and_exit_2(string command)
    {
        using var study = new SampleStudy(TwoFileModels);
        FileInputTests.CopyInput(study.Folder, "f32_basic.pt");

        var run = study.Tool(command, "--keep-going");

        RunAssert.Logged(run, 2, "error MONO007: other/12: input not found: ", "error MONO063: 1 of 2 experiments failed (other/12); 1 analysed (--keep-going)");
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("f32_basic")), ResultJson.Read(study.Result("model", 12)).Layers);
        Assert.False(File.Exists(study.Result("other", 12)));

        // The paper draws every result: with one missing it is not made.
        Assert.False(Directory.Exists(Path.Combine(study.Folder, "paper")));
    }

    [Fact]
    public void Run_json_names_an_experiment_that_keep_going_went_past_as_failed()
    {
        using var study = new SampleStudy(TwoFileModels);
        FileInputTests.CopyInput(study.Folder, "f32_basic.pt");

        var (code, output, _) = study.Tool("run", "--keep-going", "--json");

        Assert.Equal(2, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var outcomes = json.RootElement.GetProperty("experiments").EnumerateArray()
            .ToDictionary(e => e.GetProperty("key").GetString()!, e => e.GetProperty("outcome").GetString());
        Assert.Equal("analysed", outcomes["model/12"]);
        Assert.Equal("failed", outcomes["other/12"]);
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("failed").GetInt32());
        Assert.Equal(0, summary.GetProperty("fresh").GetInt32());
    }

    [Fact]
    public void Keep_going_goes_past_a_bad_tensor_too()
    {
        using var study = new SampleStudy(TwoFileModels);
        FileInputTests.CopyInput(study.Folder, "f32_basic.pt");
        string other = Path.Combine(study.Folder, "data", "org_other", "12", "attention_probs_mean.pt");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.Copy(Path.Combine(NotebookCases.Folder, "truncated.pt"), other);

        var run = study.Tool("run", "--keep-going");

        RunAssert.Logged(run, 2, "error MONO063: 1 of 2 experiments failed (other/12)");
        Assert.True(File.Exists(study.Result("model", 12)));
        Assert.False(File.Exists(study.Result("other", 12)));
    }

    [Fact]
    public void Only_the_named_stages_run()
    {
        using var study = new SampleStudy();

        var (code, _, error) = study.Tool("repro", "--stage", "analysis", "figures");

        Assert.True(code == 0, error);
        Assert.True(File.Exists(study.Result("beta", 16)));
        Assert.True(File.Exists(Path.Combine(study.Folder, "paper", "figures", "violation_rate.pdf")));
        Assert.False(File.Exists(Path.Combine(study.Folder, "paper", "appendix.pdf")));
    }

    [Fact]
    public void A_damaged_stage_record_is_one_line_naming_it()
    {
        using var study = new SampleStudy().Ran("repro");
        string record = Path.Combine(study.Folder, ".monotone", "stages", "experiments.yaml.json");
        File.WriteAllText(record, "{\"format\": \"monotone-stages/1\", \"stages\": [");

        var (code, _, error) = study.Tool("status");

        Assert.Equal(2, code);
        Assert.StartsWith($"{record}: error MONO062: the stage record cannot be read", error, StringComparison.Ordinal);
    }

    /// <summary>Every file under the study's folder but the manifest, with its time and bytes' hash.</summary>
    internal static SortedDictionary<string, string> Snapshot(string folder) =>
        new(
            Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                .Where(f => Path.GetFileName(f) != "experiments.yaml" && Path.GetFileName(Path.GetDirectoryName(f)) != "locks")
                .ToDictionary(
                    f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'),
                    f => $"{File.GetLastWriteTimeUtc(f):O} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}"),
            StringComparer.Ordinal);
}
