using System.Text.Json.Nodes;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>Damaged state and missing data: every case ends in a one-line message or a repaired record, never a stack trace.</summary>
public class RecoveryTests
{
    [Fact]
    public void A_result_missing_a_block_is_unreadable_and_run_repairs_it()
    {
        using var study = new SampleStudy();
        study.Tool("run");
        var json = JsonNode.Parse(File.ReadAllText(study.Result("alpha", 16)))!.AsObject();
        json.Remove("input");
        File.WriteAllText(study.Result("alpha", 16), json.ToJsonString());

        var status = study.Tool("status");
        var run = study.Tool("run");

        Assert.Equal(0, status.ExitCode);
        Assert.Contains("alpha/16  stale: unreadable: not a Monotone result file", status.Out, StringComparison.Ordinal);
        Assert.Contains("monotone: 1 analysed, 1 fresh", run.Error, StringComparison.Ordinal);
        Assert.Equal("synthetic", ResultJson.Read(study.Result("alpha", 16)).Input.Format);
    }

    [Fact]
    public void A_csv_left_behind_by_a_killed_run_is_rewritten_from_the_result()
    {
        using var study = new SampleStudy();
        study.Tool("run");
        string csv = Path.ChangeExtension(study.Result("alpha", 16), ".csv");
        File.WriteAllText(csv, "layer\n");

        var run = study.Tool("run");

        Assert.Contains("monotone: 0 analysed, 2 fresh", run.Error, StringComparison.Ordinal);
        Assert.Equal(ResultCsv.ToBytes(ResultJson.Read(study.Result("alpha", 16))), File.ReadAllBytes(csv));
    }

    [Fact]
    public void Verify_without_an_input_says_so_in_one_line()
    {
        using var study = FileStudy(out string input);
        study.Tool("run");
        study.Tool("figures");
        study.Tool("appendix");
        File.Delete(input);

        var (code, output, _) = study.Tool("verify");
        var accepted = study.Tool("verify", "--accept-kept");

        Assert.Equal(1, code);
        Assert.Contains("verify: 1 of 1 results kept without their input could not be recomputed (model/12); pass --accept-kept", output, StringComparison.Ordinal);
        Assert.Equal(0, accepted.ExitCode);
        Assert.Contains("could not be recomputed (model/12); accepted (--accept-kept)", accepted.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_does_not_accept_a_stale_result_whose_input_is_missing()
    {
        using var study = FileStudy(out string input);
        study.Tool("run");
        File.Delete(input);
        study.WriteManifest(File.ReadAllText(study.ManifestPath).Replace("sequence_lengths: [12]", "sequence_lengths: [12]\nanalysis: { epsilon: 1e-9 }", StringComparison.Ordinal));

        var (code, output, _) = study.Tool("verify", "--accept-kept");

        Assert.Equal(1, code);
        Assert.Contains("verify: model/12 is stale and its input is not on this machine, so it cannot be recomputed (option epsilon changed: 1E-10 -> 1E-09", output, StringComparison.Ordinal);
        Assert.DoesNotContain("accepted (--accept-kept)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("all 0 experiments", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clone_without_the_tensors_keeps_its_committed_results()
    {
        using var study = FileStudy(out string input);
        study.Tool("run");
        File.Delete(input);
        Directory.Delete(Path.Combine(study.Folder, ".monotone"), recursive: true);

        var status = study.Tool("status", "--check");
        var run = study.Tool("run");
        var forced = study.Tool("run", "--force");

        string fingerprint = ResultJson.Read(study.Result("model", 12)).Input.Fingerprint;
        // A clone has its results but not the paper's outputs (not committed): those stages are stale.
        Assert.Equal(1, status.ExitCode);
        Assert.Contains($"model/12  kept (input not on this machine; the committed result (files, {fingerprint}) is kept)", status.Out, StringComparison.Ordinal);
        Assert.Contains("figures   stale: never made", status.Out, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Error.Contains($"{study.ManifestPath}(6,5): warning MONO061: model/12: input not on this machine; the committed result (files, {fingerprint}) is kept\n", StringComparison.Ordinal), run.Error);
        Assert.Contains("monotone: 0 analysed, 0 fresh, 1 kept without their input", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, forced.ExitCode);
        Assert.Contains("MONO007", forced.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_computed_after_trusting_a_committed_fingerprint_records_the_real_hash()
    {
        using var study = FileStudy(out string input);
        study.Tool("run");
        string committed = ResultJson.Read(study.Result("model", 12)).Input.Fingerprint;

        // A fresh clone whose input was replaced by another of the same size, and whose options changed.
        Directory.Delete(Path.Combine(study.Folder, ".monotone"), recursive: true);
        var replacement = File.ReadAllBytes(input);
        replacement[^1] ^= 0x01;
        File.WriteAllBytes(input, replacement);
        study.WriteManifest(File.ReadAllText(study.ManifestPath).Replace("sequence_lengths: [12]", "sequence_lengths: [12]\nanalysis: { epsilon: 1e-9 }", StringComparison.Ordinal));
        study.Tool("run");

        string recorded = ResultJson.Read(study.Result("model", 12)).Input.Fingerprint;
        Assert.NotEqual(committed, recorded);
        Assert.Equal(Monotone.TensorInput.FileFingerprint.Compute(input), recorded);
    }

    [Fact]
    public void A_primary_sequence_length_no_model_has_is_a_manifest_error()
    {
        using var study = new SampleStudy(SampleStudy.Tiny + "\nfigures:\n  sequence_length: 512\n");

        var (code, _, error) = study.Tool("figures");

        Assert.True(code == 2, error);
        Assert.True(error.Contains("(15,20): error MONO003: figures.sequence_length 512 is not among any model's sequence_lengths", StringComparison.Ordinal), error);
    }

    [Fact]
    public void An_unreadable_manifest_is_a_manifest_error()
    {
        using var study = new SampleStudy();

        var (code, _, error) = ToolRunner.Run("status", "--manifest", study.Folder);

        Assert.Equal(2, code);
        Assert.Contains("error MONO001: cannot read the manifest", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_the_manifest_no_longer_asks_for_are_removed()
    {
        using var study = new SampleStudy(SampleStudy.Tiny.Replace("sequence_lengths: [16]", "sequence_lengths: [8, 16]", StringComparison.Ordinal));
        string stamp = Path.Combine(study.Folder, "figures.stamp");
        study.Tool("run");
        study.Tool("figures", "--stamp", stamp);
        string dropped = Path.Combine(study.Folder, "paper", "figures", "violation_rate_n16.pdf");
        Assert.True(File.Exists(dropped));

        study.WriteManifest(SampleStudy.Tiny.Replace("sequence_lengths: [16]", "sequence_lengths: [8]", StringComparison.Ordinal));
        var (code, _, error) = study.Tool("figures", "--stamp", stamp);

        Assert.Equal(0, code);
        Assert.False(File.Exists(dropped));
        Assert.Contains("removed paper/figures/violation_rate_n16.pdf", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(study.Folder, "paper", "figures", "violation_rate.pdf")));
    }

    private static SampleStudy FileStudy(out string input)
    {
        var study = new SampleStudy("models: []");
        input = Path.Combine(study.Folder, "data", "org_model", "12", "attention_probs_mean.pt");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.Copy(Path.Combine(NotebookCases.Folder, "f32_basic.pt"), input);
        study.WriteManifest("data:\n  source: files\n  root: data\nsequence_lengths: [12]\nmodels:\n  - { id: org/model, label: model, layers: 3, heads: 4 }\n");
        return study;
    }
}
