using System.Text.Json.Nodes;
using Monotone.Core;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>Damaged state and missing data: every case ends in a one-line message or a repaired record, never a stack trace.</summary>
public class RecoveryTests
{
    [Fact]
    public void A_result_missing_a_block_is_unreadable_and_run_repairs_it()
    {
        using var study = new SampleStudy().Ran("run");
        var json = JsonNode.Parse(File.ReadAllText(study.Result("alpha", 16)))!.AsObject();
        json.Remove("input");
        File.WriteAllText(study.Result("alpha", 16), json.ToJsonString());

        var status = study.Tool("status");
        var run = study.Tool("run");

        RunAssert.StatusSays(status, 0, "alpha/16  stale: unreadable: not a Monotone result file");
        RunAssert.Logged(run, 0, "monotone: 1 analysed, 1 fresh");
        Assert.Equal("synthetic", ResultJson.Read(study.Result("alpha", 16)).Input.Format);
    }

    [Fact]
    public void A_csv_left_behind_by_a_killed_run_is_rewritten_from_the_result()
    {
        using var study = new SampleStudy().Ran("run");
        string csv = Path.ChangeExtension(study.Result("alpha", 16), ".csv");
        File.WriteAllText(csv, "layer\n");

        var run = study.Tool("run");

        RunAssert.Logged(run, 0, "monotone: 0 analysed, 2 fresh");
        Assert.Equal(ResultCsv.ToBytes(ResultJson.Read(study.Result("alpha", 16))), File.ReadAllBytes(csv));
    }

    [Fact]
    public void Verify_without_an_input_says_so_in_one_line()
    {
        using var study = FileInputTests.Study(out string input).Ran("run", "figures", "appendix");
        File.Delete(input);

        var verify = study.Tool("verify");
        var accepted = study.Tool("verify", "--accept-kept");

        RunAssert.Printed(verify, 1, "verify: 1 of 1 results kept without their input could not be recomputed (model/12); pass --accept-kept");
        RunAssert.Printed(accepted, 0, "could not be recomputed (model/12); accepted (--accept-kept)");
    }

    [Fact]
    public void Verify_does_not_accept_a_stale_result_whose_input_is_missing()
    {
        using var study = FileInputTests.Study(out string input).Ran("run");
        File.Delete(input);
        study.WriteManifest(File.ReadAllText(study.ManifestPath).Replace("sequence_lengths: [12]", "sequence_lengths: [12]\nanalysis: { epsilon: 1e-9 }", StringComparison.Ordinal));

        var verify = study.Tool("verify", "--accept-kept");

        RunAssert.Printed(verify, 1, "verify: model/12 is stale and its input is not on this machine, so it cannot be recomputed (option epsilon changed: 1E-10 -> 1E-09");
        Assert.DoesNotContain("accepted (--accept-kept)", verify.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("all 0 experiments", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_clone_without_the_tensors_keeps_its_committed_results()
    {
        using var study = FileInputTests.Study(out string input).Ran("run");
        File.Delete(input);
        Directory.Delete(Path.Combine(study.Folder, ".monotone"), recursive: true);

        var status = study.Tool("status", "--check");
        var run = study.Tool("run");
        var forced = study.Tool("run", "--force");

        string fingerprint = ResultJson.Read(study.Result("model", 12)).Input.Fingerprint;
        // A clone has its results but not the paper's outputs (not committed): those stages are stale.
        RunAssert.StatusSays(status, 1, $"model/12  kept (input not on this machine; the committed result (files, {fingerprint}) is kept)", "figures   stale: never made");
        RunAssert.Logged(
            run,
            0,
            $"{study.ManifestPath}(6,5): warning MONO061: model/12: input not on this machine; the committed result (files, {fingerprint}) is kept\n",
            "monotone: 0 analysed, 0 fresh, 1 kept without their input");
        RunAssert.Logged(forced, 2, DiagnosticCodes.Manifest.MissingInput);
    }

    [Fact]
    public void A_result_computed_after_trusting_a_committed_fingerprint_records_the_real_hash()
    {
        using var study = FileInputTests.Study(out string input).Ran("run");
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

        var status = ToolRunner.Run("status", "--manifest", study.Folder);

        RunAssert.Logged(status, 2, "error MONO001: cannot read the manifest");
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
        var figures = study.Tool("figures", "--stamp", stamp);

        RunAssert.Logged(figures, 0, "removed paper/figures/violation_rate_n16.pdf");
        Assert.False(File.Exists(dropped));
        Assert.True(File.Exists(Path.Combine(study.Folder, "paper", "figures", "violation_rate.pdf")));
    }

}
