using Monotone.Manifest;
using Monotone.Pipeline;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// The stage record: one per study (manifest), so two studies never delete each other's
/// outputs (issue 12: both used paper/obj/monotone's stamps), and a clean removes only its own.
/// </summary>
public sealed class StageRecordTests
{
    [Fact]
    public void Two_studies_in_one_folder_keep_their_own_records_and_never_delete_each_others_files()
    {
        using var study = new SampleStudy(Lengths("[8, 16]"));
        string other = Path.Combine(study.Folder, "other.yaml");
        File.WriteAllText(other, Lengths("[8, 16]"));
        Assert.Equal(0, study.Tool("run").ExitCode);
        Assert.Equal(0, study.Tool("figures").ExitCode);
        Assert.Equal(0, ToolRunner.Run("figures", "--manifest", other).ExitCode);
        string shared = Path.Combine(study.Folder, "paper", "figures", "violation_rate_n16.pdf");

        // The first study drops n = 16; the second still draws it.
        study.WriteManifest(Lengths("[8]"));
        var dropped = study.Tool("figures");
        bool keptAfterDrop = File.Exists(shared);
        var cleaned = PaperStages.Clean(ManifestReader.Read(study.ManifestPath, []));

        Assert.Equal(0, dropped.ExitCode);
        Assert.True(File.Exists(Path.Combine(study.Folder, ".monotone", "stages", "other.yaml.json")));
        Assert.True(keptAfterDrop);
        Assert.Empty(cleaned);
        Assert.True(File.Exists(shared));
        Assert.True(File.Exists(Path.Combine(study.Folder, "paper", "figures", "violation_rate.pdf")));
        Assert.False(File.Exists(Path.Combine(study.Folder, ".monotone", "stages", "experiments.yaml.json")));
    }

    [Fact]
    public void Clean_removes_what_the_record_lists_and_never_a_result()
    {
        using var study = new SampleStudy().Ran("repro");

        var cleaned = PaperStages.Clean(ManifestReader.Read(study.ManifestPath, []));

        Assert.Contains(Path.Combine(study.Folder, "paper", "appendix.pdf"), cleaned);
        Assert.Contains(Path.Combine(study.Folder, "paper", "generated", "numbers.tex"), cleaned);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(study.Folder, "paper"), "*", SearchOption.AllDirectories));
        Assert.True(File.Exists(study.Result("alpha", 16)));
    }

    [Fact]
    public void A_stage_made_by_other_drawing_code_is_stale()
    {
        using var study = new SampleStudy().Ran("repro");
        var manifest = ManifestReader.Read(study.ManifestPath, []);
        string made = StageRecord.Open(manifest)[StageKind.Figures]!.Inputs["code"];

        var same = new StageChecker(manifest, made).Status(StageKind.Figures);
        var other = new StageChecker(manifest, "another build").Status(StageKind.Figures);

        Assert.True(same.Fresh, string.Join("; ", same.Reasons));
        Assert.Equal(["drawing code changed"], other.Reasons);
    }

    [Fact]
    public void A_reanalysed_result_with_other_bytes_makes_the_paper_stale_by_name()
    {
        using var study = new SampleStudy().Ran("repro");
        study.WriteManifest(SampleStudy.Tiny.Replace("    label: beta\n", "    label: beta\n    analysis:\n      epsilon: 1e-6\n", StringComparison.Ordinal));
        Assert.Equal(0, study.Tool("run").ExitCode);

        var status = study.Tool("status");

        RunAssert.StatusSays(status, 0, "figures   stale: result beta/16 changed");
        Assert.DoesNotContain("result alpha/16", status.Out, StringComparison.Ordinal);
    }

    private static string Lengths(string lengths) => SampleStudy.Tiny.Replace("sequence_lengths: [16]", $"sequence_lengths: {lengths}", StringComparison.Ordinal);
}
