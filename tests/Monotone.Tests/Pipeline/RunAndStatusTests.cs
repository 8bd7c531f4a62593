using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>`dotnet monotone run` and `status` on small synthetic studies, in-process.</summary>
public class RunAndStatusTests
{
    [Fact]
    public void A_first_run_writes_every_result_and_a_second_analyses_nothing()
    {
        using var study = new SampleStudy();

        var first = study.Tool("run");
        var resultTimes = new[] { study.Result("alpha", 16), study.Result("beta", 16) }.Select(File.GetLastWriteTimeUtc).ToList();
        var second = study.Tool("run");

        RunAssert.Logged(first, 0, "monotone: 2 analysed, 0 fresh");
        RunAssert.Logged(second, 0, "monotone: 0 analysed, 2 fresh");
        Assert.DoesNotContain("layer", second.Error, StringComparison.Ordinal);
        Assert.Equal(resultTimes, new[] { study.Result("alpha", 16), study.Result("beta", 16) }.Select(File.GetLastWriteTimeUtc));

        var alpha = ResultJson.Read(study.Result("alpha", 16));
        Assert.Equal("synthetic", alpha.Input.Format);
        Assert.Equal([3L, 4, 16, 16], alpha.Input.Shape);
        Assert.Equal(3, alpha.Layers.Count);
        Assert.StartsWith(ResultCsv.Header + "\n1,", File.ReadAllText(Path.ChangeExtension(study.Result("alpha", 16), ".csv")), StringComparison.Ordinal);
    }

    [Fact]
    public void Changing_one_models_option_reruns_only_that_model_and_status_names_the_option()
    {
        using var study = new SampleStudy().Ran("run");
        study.WriteManifest(SampleStudy.Tiny.Replace(
            "    label: beta\n",
            "    label: beta\n    analysis:\n      epsilon: 1e-6\n",
            StringComparison.Ordinal));

        var status = study.Tool("status");
        var check = study.Tool("status", "--check");
        var run = study.Tool("repro");
        var after = study.Tool("status", "--check");

        RunAssert.StatusSays(status, 0, "alpha/16  fresh", "beta/16   stale: option epsilon changed: 1E-10 -> 1E-06");
        Assert.Equal(1, check.ExitCode);
        RunAssert.Logged(run, 0, "monotone: 1 analysed, 1 fresh", "beta/16: analysing");
        Assert.DoesNotContain("alpha/16: analysing", run.Error, StringComparison.Ordinal);
        Assert.Equal(1e-6, ResultJson.Read(study.Result("beta", 16)).Options.Epsilon);
        Assert.Equal(0, after.ExitCode);
    }

    [Fact]
    public void Adding_a_model_runs_only_the_new_model()
    {
        using var study = new SampleStudy().Ran("run");
        study.WriteManifest(SampleStudy.Tiny + "\n  - id: org/gamma\n    label: gamma\n    layers: 1\n    heads: 2\n");

        var run = study.Tool("run");

        RunAssert.Logged(run, 0, "monotone: 1 analysed, 2 fresh");
        Assert.True(File.Exists(study.Result("gamma", 16)));
    }

    [Fact]
    public void Status_as_json_lists_each_experiment_with_its_reasons()
    {
        using var study = new SampleStudy();

        var (code, output, _) = study.Tool("status", "--json");

        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var alpha = json.RootElement.GetProperty("experiments")[0];
        Assert.Equal("alpha/16", alpha.GetProperty("experiment").GetString());
        Assert.False(alpha.GetProperty("fresh").GetBoolean());
        Assert.Equal("no result yet", alpha.GetProperty("reasons")[0].GetString());
        Assert.Equal("generated", alpha.GetProperty("fingerprint_origin").GetString());
    }

    [Fact]
    public void Force_reanalyses_fresh_results_and_only_limits_to_labels()
    {
        using var study = new SampleStudy().Ran("run");

        var forced = study.Tool("run", "--force", "--only", "beta");

        RunAssert.Logged(forced, 0, "monotone: 1 analysed, 0 fresh", "beta/16: analysing");
    }

    [Fact]
    public void Shards_split_the_experiments_without_overlap()
    {
        using var study = new SampleStudy(SampleStudy.Tiny.Replace("sequence_lengths: [16]", "sequence_lengths: [4, 8, 16]", StringComparison.Ordinal));

        var shards = Enumerable.Range(1, 4).Select(k => study.Tool("run", "--shard", $"{k}/4")).ToList();

        Assert.All(shards, s => Assert.Equal(0, s.ExitCode));
        var analysed = shards.SelectMany(s => s.Error.Split('\n').Where(l => l.Contains(": analysing", StringComparison.Ordinal)).Select(l => l.Split(':')[0])).ToList();
        Assert.Equal(6, analysed.Count);
        Assert.Equal(6, analysed.Distinct().Count());
        RunAssert.Logged(study.Tool("run"), 0, "monotone: 0 analysed");
    }

    [Fact]
    public void Concurrent_runs_analyse_each_experiment_once()
    {
        using var study = new SampleStudy(SampleStudy.Tiny.Replace("sequence_lengths: [16]", "sequence_lengths: [24, 32, 40]", StringComparison.Ordinal));

        var runs = Enumerable.Range(0, 3).AsParallel().Select(_ => study.Tool("run", "--jobs", "2")).ToList();

        Assert.All(runs, r => Assert.Equal(0, r.ExitCode));
        int analysed = runs.Sum(r => r.Error.Split('\n').Count(l => l.Contains(": analysing", StringComparison.Ordinal)));
        Assert.Equal(6, analysed);
    }

    [Fact]
    public void A_misspelt_key_fails_with_exit_2_naming_line_and_column()
    {
        using var study = new SampleStudy(SampleStudy.Tiny.Replace("    heads: 3", "    haeds: 3", StringComparison.Ordinal));

        var (code, output, error) = study.Tool("run");

        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal(
            $"{study.ManifestPath}(13,5): error MONO002: unknown key 'haeds' in a model entry (did you mean 'heads'?)\n",
            error);
        Assert.False(Directory.Exists(Path.Combine(study.Folder, "experiments")));
    }
}
