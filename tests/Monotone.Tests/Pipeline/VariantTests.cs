using System.Globalization;
using System.Text.Json;
using Monotone.Manifest;
using Monotone.Pipeline;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// Variants side by side (docs/variants.md), end to end on small synthetic studies with the real
/// tool: keys and folders, results.csv, staleness, names, the paper's figure and section.
/// </summary>
public sealed class VariantTests
{
    /// <summary><see cref="SampleStudy.Tiny"/> with one variant over both models.</summary>
    internal static readonly string TwoVariants = SampleStudy.Tiny + """

        variants:
          - name: eps-1e-3
            analysis:
              epsilon: 1e-3
        """;

    private static string VariantResult(SampleStudy study, string label, int n, string variant) =>
        Path.Combine(study.Folder, "experiments", label, $"{n.ToString(CultureInfo.InvariantCulture)}@{variant}", ResultJson.FileName);

    [Fact]
    public void Keys_and_folders_keep_the_defaults_and_put_each_variant_beside_it()
    {
        using var study = new SampleStudy(TwoVariants.Replace("sequence_lengths: [16]", "sequence_lengths: [16, 8]", StringComparison.Ordinal));
        var manifest = ManifestReader.Read(study.ManifestPath, []);

        var experiments = ExperimentPlan.From(manifest);

        Assert.Equal(
            ["alpha/16", "alpha/16@eps-1e-3", "alpha/8", "alpha/8@eps-1e-3", "beta/16", "beta/16@eps-1e-3", "beta/8", "beta/8@eps-1e-3"],
            experiments.Select(e => e.Key));
        Assert.Equal(study.Result("alpha", 16), experiments[0].ResultPath);
        Assert.Equal(VariantResult(study, "alpha", 16, "eps-1e-3"), experiments[1].ResultPath);
        Assert.Equal(["default", "eps-1e-3"], experiments.Take(2).Select(e => e.Variant));
        Assert.Equal([1e-10, 1e-3], experiments.Take(2).Select(e => e.Options.Epsilon));
        Assert.Equal(experiments[0].Input, experiments[1].Input);
        Assert.Equal("eps-1e-3", ExperimentPlan.VariantOf("alpha/16@eps-1e-3"));
        Assert.Equal("default", ExperimentPlan.VariantOf("alpha/16"));
    }

    [Theory]
    [InlineData("@eps-1e-3", "alpha/16@eps-1e-3 alpha/8@eps-1e-3 beta/16@eps-1e-3 beta/8@eps-1e-3")]
    [InlineData("@default", "alpha/16 alpha/8 beta/16 beta/8")]
    [InlineData("beta", "beta/16 beta/16@eps-1e-3 beta/8 beta/8@eps-1e-3")]
    [InlineData("beta@eps-1e-3", "beta/16@eps-1e-3 beta/8@eps-1e-3")]
    [InlineData("alpha/8@eps-1e-3", "alpha/8@eps-1e-3")]
    [InlineData("alpha/8", "alpha/8")]
    public void Names_select_by_model_key_variant_or_model_and_variant(string name, string expected)
    {
        using var study = new SampleStudy(TwoVariants.Replace("sequence_lengths: [16]", "sequence_lengths: [16, 8]", StringComparison.Ordinal));
        var experiments = ExperimentPlan.From(ManifestReader.Read(study.ManifestPath, []));

        Assert.Equal(expected, string.Join(' ', ExperimentPlan.Only(experiments, [name]).Select(e => e.Key)));
    }

    // A name that matches nothing says what was probably meant, part by part, or which models, lengths and variants there are.
    [Theory]
    [InlineData("alpah", "did you mean 'alpha'?")]
    [InlineData("Beta/16", "did you mean 'beta/16'?")]
    [InlineData("beta/61", Choices)]
    [InlineData("@eps-1e-4", "did you mean '@eps-1e-3'?")]
    [InlineData("alpha@EPS-1e-3", "did you mean 'alpha@eps-1e-3'?")]
    [InlineData("alpha/32", Choices)]
    [InlineData("@eps", Choices)]
    [InlineData("gamma@eps-1e-3", Choices)]
    [InlineData("alpha/16@", Choices)]
    [InlineData("mpt-7b/256", Choices)]
    public void A_name_that_matches_no_experiment_is_refused_with_the_nearest_name_or_the_choices(string name, string hint)
    {
        using var study = new SampleStudy(TwoVariants);
        var experiments = ExperimentPlan.From(ManifestReader.Read(study.ManifestPath, []));

        var error = Assert.Throws<UsageException>(() => ExperimentPlan.Only(experiments, [name, "alpha"]));

        Assert.Equal($"nothing in the manifest is named '{name}' ({hint})", error.Message);
    }

    private const string Choices = "the models are alpha, beta; the sequence lengths are 16; the variants are @default, @eps-1e-3";

    [Fact]
    public void A_two_variant_study_writes_both_results_the_default_as_without_variants_and_every_row()
    {
        using var plain = new SampleStudy();
        using var study = new SampleStudy(TwoVariants);

        Assert.Equal(0, plain.Tool("run").ExitCode);
        var run = study.Tool("run", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (string label in (string[])["alpha", "beta"])
        {
            // The default variant's files are byte for byte those of the same study without variants.
            Assert.Equal(File.ReadAllBytes(plain.Result(label, 16)), File.ReadAllBytes(study.Result(label, 16)));
            Assert.Equal(
                File.ReadAllBytes(Path.ChangeExtension(plain.Result(label, 16), ".csv")),
                File.ReadAllBytes(Path.ChangeExtension(study.Result(label, 16), ".csv")));
            var variant = ResultJson.Read(VariantResult(study, label, 16, "eps-1e-3"));
            Assert.Equal(1e-3, variant.Options.Epsilon);
            Assert.Equal(ResultJson.Read(study.Result(label, 16)).Input.Fingerprint, variant.Input.Fingerprint);
        }

        // The variant's numbers are the engine's with its epsilon: fewer violations, never more.
        var alpha = ResultJson.Read(study.Result("alpha", 16));
        var alphaVariant = ResultJson.Read(VariantResult(study, "alpha", 16, "eps-1e-3"));
        Assert.All(alpha.Layers.Zip(alphaVariant.Layers), pair => Assert.True(pair.Second.ViolationsCount <= pair.First.ViolationsCount));

        using (var json = JsonDocument.Parse(run.Out))
        {
            var experiments = json.RootElement.GetProperty("experiments").EnumerateArray().ToList();
            Assert.Equal(["alpha/16", "alpha/16@eps-1e-3", "beta/16", "beta/16@eps-1e-3"], experiments.Select(e => e.GetProperty("key").GetString()));
            Assert.Equal(["default", "eps-1e-3", "default", "eps-1e-3"], experiments.Select(e => e.GetProperty("variant").GetString()));
            Assert.Equal("experiments/alpha/16@eps-1e-3/monotonicity.json", experiments[1].GetProperty("result").GetString());
        }

        string[] table = File.ReadAllText(Path.Combine(study.Folder, "experiments", "results.csv")).Split('\n')[1..^1];
        Assert.Equal(
            ["alpha/16/default/1", "alpha/16/default/2", "alpha/16/default/3", "alpha/16/eps-1e-3/1", "alpha/16/eps-1e-3/2", "alpha/16/eps-1e-3/3",
             "beta/16/default/1", "beta/16/default/2", "beta/16/eps-1e-3/1", "beta/16/eps-1e-3/2"],
            table.Select(r => r.Split(',')).Select(r => $"{r[0]}/{r[2]}/{r[3]}/{r[4]}"));
        Assert.Equal(
            [.. alphaVariant.Layers.Select(l => l.ViolationsCount.ToString(CultureInfo.InvariantCulture))],
            table[3..6].Select(r => r.Split(',')[6]));

        // Every stage made once more: the analysis, its table and the paper stay fresh.
        Assert.Equal(0, study.Tool("repro").ExitCode);
        RunAssert.StatusSays(study.Tool("status", "--check"), 0, "alpha/16@eps-1e-3  fresh");
    }

    [Fact]
    public void Changing_only_the_variants_epsilon_makes_only_that_variant_stale()
    {
        using var study = new SampleStudy(TwoVariants).Ran("run");
        byte[] defaultBytes = File.ReadAllBytes(study.Result("alpha", 16));

        study.WriteManifest(TwoVariants.Replace("epsilon: 1e-3", "epsilon: 1e-4", StringComparison.Ordinal));
        var (code, output, _) = study.Tool("status", "--json");

        Assert.Equal(0, code);
        using (var json = JsonDocument.Parse(output))
        {
            var stale = json.RootElement.GetProperty("experiments").EnumerateArray()
                .Where(e => !e.GetProperty("fresh").GetBoolean())
                .Select(e => $"{e.GetProperty("experiment").GetString()} {e.GetProperty("variant").GetString()}");
            Assert.Equal(["alpha/16@eps-1e-3 eps-1e-3", "beta/16@eps-1e-3 eps-1e-3"], stale);
        }

        var run = study.Tool("run", "--json");
        Assert.True(run.ExitCode == 0, run.Error);
        using (var json = JsonDocument.Parse(run.Out))
        {
            Assert.Equal(
                ["fresh", "analysed", "fresh", "analysed"],
                json.RootElement.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("outcome").GetString()));
        }

        Assert.Equal(defaultBytes, File.ReadAllBytes(study.Result("alpha", 16)));
        Assert.Equal(1e-4, ResultJson.Read(VariantResult(study, "alpha", 16, "eps-1e-3")).Options.Epsilon);
    }

    [Fact]
    public void A_variants_new_results_redo_the_figures_and_appendix_but_not_the_latex_which_shows_the_default_only()
    {
        using var study = new SampleStudy(TwoVariants).Ran("repro");

        study.WriteManifest(TwoVariants.Replace("epsilon: 1e-3", "epsilon: 1e-4", StringComparison.Ordinal));
        var waiting = study.Tool("status");
        Assert.Equal(0, study.Tool("run").ExitCode);
        var after = study.Tool("status");

        RunAssert.StatusSays(waiting, 0, "figures   stale: waits for the analysis of alpha/16@eps-1e-3, beta/16@eps-1e-3", "latex     fresh");
        RunAssert.StatusSays(after, 0, "figures   stale: result alpha/16@eps-1e-3 changed", "appendix  stale:", "latex     fresh");
    }

    [Fact]
    public void Verify_recomputes_every_variant_with_its_own_options_and_names_a_changed_one()
    {
        using var study = new SampleStudy(TwoVariants).Ran("repro");

        var passed = study.Tool("verify", "--json");

        Assert.True(passed.ExitCode == 0, passed.Out + passed.Error);
        using (var json = JsonDocument.Parse(passed.Out))
        {
            Assert.Equal(
                ["alpha/16 default reproduced", "alpha/16@eps-1e-3 eps-1e-3 reproduced", "beta/16 default reproduced", "beta/16@eps-1e-3 eps-1e-3 reproduced"],
                json.RootElement.GetProperty("experiments").EnumerateArray()
                    .Select(e => $"{e.GetProperty("key").GetString()} {e.GetProperty("variant").GetString()} {e.GetProperty("outcome").GetString()}"));
        }

        // The variant's committed file swapped for the default's: same input, other epsilon's numbers.
        File.Copy(study.Result("alpha", 16), VariantResult(study, "alpha", 16, "eps-1e-3"), overwrite: true);
        var failed = study.Tool("verify", "--json");

        Assert.Equal(1, failed.ExitCode);
        using (var json = JsonDocument.Parse(failed.Out))
        {
            var differs = json.RootElement.GetProperty("experiments").EnumerateArray()
                .Where(e => e.GetProperty("outcome").GetString() != "reproduced")
                .Select(e => e.GetProperty("key").GetString());
            Assert.Equal(["alpha/16@eps-1e-3"], differs);
        }
    }

    [Fact]
    public void A_variant_restricted_to_one_model_has_experiments_for_that_model_only()
    {
        using var study = new SampleStudy(TwoVariants.Replace("  - name: eps-1e-3\n", "  - name: eps-1e-3\n    models: [beta]\n", StringComparison.Ordinal));

        var run = study.Tool("run", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(
            ["alpha/16", "beta/16", "beta/16@eps-1e-3"],
            json.RootElement.GetProperty("experiments").EnumerateArray().Select(e => e.GetProperty("key").GetString()));
        Assert.False(Directory.Exists(Path.GetDirectoryName(VariantResult(study, "alpha", 16, "eps-1e-3"))));
        Assert.True(File.Exists(VariantResult(study, "beta", 16, "eps-1e-3")));
    }

    [Fact]
    public void Run_only_a_variant_analyses_its_experiments_alone()
    {
        using var study = new SampleStudy(TwoVariants);

        var run = study.Tool("run", "--only", "@eps-1e-3");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(VariantResult(study, "alpha", 16, "eps-1e-3")));
        Assert.True(File.Exists(VariantResult(study, "beta", 16, "eps-1e-3")));
        Assert.False(File.Exists(study.Result("alpha", 16)));
        Assert.False(File.Exists(study.Result("beta", 16)));
    }

    [GitFact]
    public void Diff_between_commits_shows_an_added_variants_experiments_as_added_with_their_variant()
    {
        using var study = new SampleStudy();
        using var git = new GitRepository(study.Folder);
        Assert.Equal(0, study.Tool("run").ExitCode);
        string first = git.CommitAll();
        study.WriteManifest(TwoVariants);
        Assert.Equal(0, study.Tool("run").ExitCode);
        string second = git.CommitAll();

        var (code, output, error) = study.Tool("diff", first, second, "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(
            ["alpha/16 default unchanged", "alpha/16@eps-1e-3 eps-1e-3 added", "beta/16 default unchanged", "beta/16@eps-1e-3 eps-1e-3 added"],
            json.RootElement.GetProperty("experiments").EnumerateArray()
                .Select(e => $"{e.GetProperty("key").GetString()} {e.GetProperty("variant").GetString()} {e.GetProperty("status").GetString()}"));
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("added").GetInt32());
    }

    [Fact]
    public void Removing_a_variant_leaves_its_results_as_they_are_and_status_no_longer_lists_them()
    {
        using var study = new SampleStudy(TwoVariants).Ran("run");
        byte[] kept = File.ReadAllBytes(VariantResult(study, "alpha", 16, "eps-1e-3"));

        study.WriteManifest(SampleStudy.Tiny);
        var status = study.Tool("status");
        var run = study.Tool("repro");

        // As for a removed model: the record is never deleted by a manifest edit, and the
        // analysis of the remaining experiments is fresh; only results.csv loses the rows.
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(kept, File.ReadAllBytes(VariantResult(study, "alpha", 16, "eps-1e-3")));
        Assert.DoesNotContain("@eps-1e-3", status.Out, StringComparison.Ordinal);
        Assert.Contains("alpha/16", status.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("eps-1e-3", File.ReadAllText(Path.Combine(study.Folder, "experiments", "results.csv")), StringComparison.Ordinal);
        Assert.Equal(0, study.Tool("status", "--check").ExitCode);
    }
}
