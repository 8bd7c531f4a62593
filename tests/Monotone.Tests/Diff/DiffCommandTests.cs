using System.Text.Json;
using Monotone.Core;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Diff;

/// <summary>
/// <c>dotnet monotone diff</c>, end to end on a temporary git repository holding a small
/// synthetic study (alpha/16 with 3 layers, beta/16 with 2), analysed by the real tool.
/// </summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly SampleStudy study = new();
    private readonly Lazy<GitRepository> git;

    public DiffCommandTests() => git = new(() => new GitRepository(study.Folder));

    public void Dispose() => study.Dispose();

    [GitFact]
    public void Without_revisions_it_compares_HEAD_with_the_working_tree()
    {
        CommitAnalysedStudy();
        long before = AddViolation("alpha", layer: 2);

        var (code, output, error) = study.Tool("diff");

        Assert.Equal((0, ""), (code, error));
        var lines = Lines(output);
        Assert.StartsWith("diff: HEAD (", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(") -> the working tree", lines[0], StringComparison.Ordinal);
        Assert.Equal(["Experiment", "Layer", "Field", "Old", "New", "Change"], Cells(lines[1]));
        Assert.Equal(["alpha/16", "2", "violations_count", $"{before}", $"{before + 1}"], Cells(lines[2])[..5]);
        // The fields derived from the count change with it: the rate, and the means when there were violations.
        string[] derived = before > 0 ? ["violation_rate", "absolute_error", "relative_error"] : ["violation_rate"];
        Assert.Equal(derived, lines[3..^1].Select(line => $"{Cells(line)[0]} {Cells(line)[1]} {Cells(line)[2]}").Select(row => row["alpha/16 2 ".Length..]));
        Assert.StartsWith("diff: 1 changed, 0 added, 0 removed, 1 unchanged ", lines[^1], StringComparison.Ordinal);
    }

    [GitFact]
    public void Two_revisions_are_compared_with_each_other_and_not_with_the_working_tree()
    {
        string first = CommitAnalysedStudy();
        AddViolation("beta", layer: 1);
        string second = git.Value.CommitAll();
        AddViolation("alpha", layer: 3);

        var between = study.Tool("diff", first, second);
        var sinceSecond = study.Tool("diff", second);

        Assert.Equal(0, between.ExitCode);
        Assert.StartsWith($"diff: {first} ({first[..7]}) -> {second} ({second[..7]})", between.Out, StringComparison.Ordinal);
        var rows = Lines(between.Out).Where(l => l.StartsWith("alpha/", StringComparison.Ordinal) || l.StartsWith("beta/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["beta/16 violations_count", "beta/16 violation_rate"], rows.Select(r => $"{Cells(r)[0]} {Cells(r)[2]}"));
        Assert.Contains("diff: 1 changed, 0 added, 0 removed, 1 unchanged", between.Out, StringComparison.Ordinal);

        Assert.Equal(0, sinceSecond.ExitCode);
        Assert.Equal(["alpha/16", "3", "violations_count"], Cells(Lines(sinceSecond.Out)[2])[..3]);
        Assert.DoesNotContain("beta/16", sinceSecond.Out, StringComparison.Ordinal);
    }

    [GitFact]
    public void Experiments_present_on_one_side_only_are_added_or_removed()
    {
        string first = CommitAnalysedStudy();
        study.WriteManifest(SampleStudy.Tiny.Replace("sequence_lengths: [16]", "sequence_lengths: [16, 8]", StringComparison.Ordinal));
        Assert.Equal(0, study.Tool("run").ExitCode);
        Directory.Delete(Path.GetDirectoryName(study.Result("beta", 16))!, recursive: true);
        string second = git.Value.CommitAll();

        var (code, output, _) = study.Tool("diff", first, second);

        Assert.Equal(0, code);
        var rows = Lines(output)[2..^1].Select(Cells).ToList();
        Assert.Equal(
            [["alpha/8", "-", "experiment", "-", "present", "added"], ["beta/16", "-", "experiment", "present", "-", "removed"], ["beta/8", "-", "experiment", "-", "present", "added"]],
            rows);
        Assert.StartsWith("diff: 0 changed, 2 added, 1 removed, 1 unchanged ", Lines(output)[^1], StringComparison.Ordinal);
    }

    [GitFact]
    public void Json_has_the_documented_shape()
    {
        string head = CommitAnalysedStudy();
        long before = AddViolation("alpha", layer: 1);
        File.Delete(study.Result("beta", 16));

        var (code, output, error) = study.Tool("diff", "--json");

        Assert.Equal((0, ""), (code, error));
        using var document = JsonDocument.Parse(output);
        var root = document.RootElement;
        Assert.Equal(["schema", "from", "to", "rtol", "atol", "experiments", "summary"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("HEAD", root.GetProperty("from").GetProperty("revision").GetString());
        Assert.Equal(head, root.GetProperty("from").GetProperty("commit").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("to").GetProperty("revision").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("to").GetProperty("commit").ValueKind);
        Assert.Equal(ResultComparison.DefaultRelative, root.GetProperty("rtol").GetDouble());
        Assert.Equal(ResultComparison.DefaultAbsolute, root.GetProperty("atol").GetDouble());

        var experiments = root.GetProperty("experiments").EnumerateArray().ToList();
        Assert.Equal(["alpha/16", "beta/16"], experiments.Select(e => e.GetProperty("key").GetString()));
        Assert.Equal(["changed", "removed"], experiments.Select(e => e.GetProperty("status").GetString()));
        // One more violation changes the count and, derived from it, the rate.
        var changes = experiments[0].GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(["violations_count", "violation_rate"], changes.Select(c => c.GetProperty("field").GetString()));
        var change = changes[0];
        Assert.Equal(["layer", "field", "old", "new"], change.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, change.GetProperty("layer").GetInt32());
        Assert.Equal("violations_count", change.GetProperty("field").GetString());
        Assert.Equal(before, change.GetProperty("old").GetInt64());
        Assert.Equal(before + 1, change.GetProperty("new").GetInt64());
        Assert.Empty(experiments[1].GetProperty("changes").EnumerateArray());
        Assert.Equal(
            """{"added":0,"removed":1,"changed":1,"unchanged":0}""",
            JsonSerializer.Serialize(root.GetProperty("summary")));
    }

    [GitFact]
    public void Exit_code_is_1_only_with_the_flag_and_only_when_something_changed()
    {
        CommitAnalysedStudy();

        Assert.Equal(0, study.Tool("diff", "--exit-code").ExitCode);
        AddViolation("beta", layer: 2);
        Assert.Equal(0, study.Tool("diff").ExitCode);
        Assert.Equal(1, study.Tool("diff", "--exit-code").ExitCode);
        Assert.Equal(1, study.Tool("diff", "--exit-code", "--json").ExitCode);
    }

    [GitFact]
    public void Floats_are_compared_with_the_tolerances_of_verify()
    {
        CommitAnalysedStudy();
        // Layer 2 of alpha/16 has violations, so a non-zero total error to move by 1e-12 relative.
        double total = Change("alpha", layer: 2, stats => stats with { TotalAbsoluteError = stats.TotalAbsoluteError * (1 + 1e-12) }).TotalAbsoluteError;

        var within = study.Tool("diff", "--exit-code");
        var exact = study.Tool("diff", "--exit-code", "--rtol", "0", "--atol", "0");

        Assert.True(total > 0, "the synthetic study must have some error to perturb");
        Assert.Equal(0, within.ExitCode);
        Assert.Contains("0 changed", within.Out, StringComparison.Ordinal);
        Assert.Equal(1, exact.ExitCode);
        Assert.Equal(["alpha/16", "2", "total_absolute_error"], Cells(Lines(exact.Out)[2])[..3]);
    }

    [GitFact]
    public void An_unknown_revision_is_one_line_and_exit_2()
    {
        CommitAnalysedStudy();

        foreach (string revision in (string[])["no-such-branch", "HEAD~5", "--", "-p"])
        {
            // After "--" every word is a revision, even one that looks like an option.
            ToolAssert.FailsWithLine(
                ToolRunner.Run("diff", "--manifest", study.ManifestPath, "--", revision),
                2,
                $"monotone: error MONO077: unknown revision '{revision}': it names no commit of this repository (try a hash, a branch, a tag or HEAD~1)");
        }
    }

    [GitFact]
    public void A_repository_without_commits_has_no_HEAD_to_compare_with()
    {
        _ = git.Value;

        ToolAssert.FailsWithOneLine(study.Tool("diff"), 2, "monotone: error MONO077: unknown revision 'HEAD'");
    }

    [GitFact]
    public void A_folder_outside_any_repository_is_one_line_naming_it_and_exit_2()
    {
        ToolAssert.FailsWithOneLine(study.Tool("diff"), 2, $"{study.Folder}: error MONO076: not in a git repository");
    }

    [GitFact]
    public void A_committed_file_that_is_no_result_names_the_revision_and_path()
    {
        CommitAnalysedStudy();
        git.Value.Commit("experiments/beta/16/monotonicity.json", "{ not json");

        ToolAssert.FailsWithOneLine(study.Tool("diff", "HEAD~1", "HEAD"), 2, "HEAD:experiments/beta/16/monotonicity.json: error MONO078: not a Monotone result file");
    }

    [GitFact]
    public void A_result_whose_numbers_contradict_each_other_is_one_line_naming_it_and_exit_2()
    {
        CommitAnalysedStudy();
        string path = study.Result("alpha", 16);
        var result = ResultJson.Read(path);
        var layers = result.Layers.ToArray();
        layers[0] = layers[0] with { ViolationRate = layers[0].ViolationRate + 0.5 };
        File.WriteAllBytes(path, ResultJson.ToBytes(result with { Layers = layers }));

        ToolAssert.FailsWithOneLine(study.Tool("diff"), 2, $"{path}: error MONO078: not a Monotone result file (invalid result: layers[0] has violation_rate");
    }

    [GitFact]
    public void A_missing_object_is_one_line_quoting_git_and_exit_2()
    {
        CommitAnalysedStudy();
        string blob = git.Value.Git("rev-parse", "HEAD:experiments/beta/16/monotonicity.json");
        File.Delete(Path.Combine(study.Folder, ".git", "objects", blob[..2], blob[2..]));

        ToolAssert.FailsWithOneLine(study.Tool("diff"), 2, $"monotone: error MONO079: git cat-file blob {blob} failed: fatal: ");
    }

    [GitFact]
    public void Plots_draw_only_the_changed_figures_with_the_old_values_dashed_beside_the_new()
    {
        CommitAnalysedStudy();
        // Only the mean absolute error moves: the count, and so the rate and the relative error, stay.
        Change("alpha", layer: 2, stats => stats with { TotalAbsoluteError = stats.TotalAbsoluteError * 1.5 });
        string folder = Path.Combine(study.Folder, "diff-plots");

        var (code, output, error) = study.Tool("diff", "--plots", "--plots-folder", folder);

        Assert.Equal(0, code);
        Assert.StartsWith("diff: HEAD (", output, StringComparison.Ordinal);
        Assert.Contains($"1 changed figures drawn in {folder}", error, StringComparison.Ordinal);
        Assert.Equal(
            ["average_absolute_error.pdf", "average_absolute_error.png", "average_absolute_error.svg"],
            Directory.EnumerateFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        string svg = File.ReadAllText(Path.Combine(folder, "average_absolute_error.svg"));
        // Only the line that moved gets a dashed twin.
        Assert.Contains("alpha (old)", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("beta (old)", svg, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(study.Folder, "paper", "figures")), "diff --plots wrote into the paper's figures");
    }

    [GitFact]
    public void Plots_of_unchanged_results_draw_nothing()
    {
        CommitAnalysedStudy();
        string folder = Path.Combine(study.Folder, "diff-plots");

        var (code, _, error) = study.Tool("diff", "--plots", "--plots-folder", folder);

        Assert.Equal(0, code);
        Assert.Contains("0 changed figures drawn", error, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(folder) ? Directory.EnumerateFiles(folder) : []);
    }

    [GitFact]
    public void Plots_never_go_into_the_papers_figures_and_the_folder_needs_the_flag()
    {
        CommitAnalysedStudy();
        AddViolation("alpha", layer: 2);
        string figures = Path.Combine(study.Folder, "paper", "figures");

        var into = study.Tool("diff", "--plots", "--plots-folder", figures + Path.DirectorySeparatorChar);
        var withoutFlag = study.Tool("diff", "--plots-folder", Path.Combine(study.Folder, "elsewhere"));

        Assert.Equal((2, ""), (into.ExitCode, into.Out));
        Assert.Contains("is the paper's figures folder", into.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(figures), "diff --plots wrote into the paper's figures");
        Assert.Equal((2, ""), (withoutFlag.ExitCode, withoutFlag.Out));
        Assert.Contains("--plots-folder needs --plots", withoutFlag.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_git_the_error_says_so()
    {
        var missing = new Monotone.Tool.Diff.GitCommand(study.Folder, Path.Combine(study.Folder, "no-such-git"));

        var problem = Assert.Throws<BadInputException>(() => missing.Run("--version"));

        Assert.Equal(DiagnosticCodes.Diff.GitUnavailable, problem.Code);
        Assert.Equal("monotone", problem.Path);
        Assert.Contains("install git or put it on PATH", problem.Problem, StringComparison.Ordinal);
    }

    // Analyses the tiny study and commits it with its results; returns the commit.
    private string CommitAnalysedStudy()
    {
        var (code, _, error) = study.Tool("run");
        Assert.True(code == 0, error);
        return git.Value.CommitAll();
    }

    // One more violation in one layer of label/16, written as the tool would; returns the count before.
    private long AddViolation(string label, int layer) =>
        Change(label, layer, stats => stats with { ViolationsCount = stats.ViolationsCount + 1 }).ViolationsCount;

    // Rewrites one layer of label/16's result file, its rates and means derived again from the
    // changed totals (as the engine derives them, so the file stays valid); returns that layer as it was.
    private LayerStats Change(string label, int layer, Func<LayerStats, LayerStats> change)
    {
        string path = study.Result(label, 16);
        var result = ResultJson.Read(path);
        var layers = result.Layers.ToArray();
        var before = layers[layer - 1];
        var changed = change(before);
        layers[layer - 1] = LayerStats.FromTotals(
            changed.Combinations,
            changed.ViolationsCount,
            changed.TotalAbsoluteError,
            changed.TotalRelativeError,
            changed.AbsoluteErrorStd,
            changed.RelativeErrorStd) with { Layer = changed.Layer };
        File.WriteAllBytes(path, ResultJson.ToBytes(result with { Layers = layers }));
        return before;
    }

    private static string[] Lines(string output) => output.TrimEnd('\n').Split('\n');

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
