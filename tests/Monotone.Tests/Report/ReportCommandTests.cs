using Monotone.Appendix.Provenance;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Report;

/// <summary><c>dotnet monotone appendix</c> writes paper/report.html beside the appendix, from the study on disk.</summary>
public sealed class ReportCommandTests
{
    [Fact]
    public void A_relative_data_root_is_taken_from_the_manifest_folder_not_the_current_one()
    {
        using var study = new SampleStudy(Monotone.Tests.Pipeline.FileInputTests.Manifest("data"));
        Monotone.Tests.Pipeline.FileInputTests.CopyInput(study.Folder, "f32_basic.pt");
        Assert.Equal(0, study.Tool("run").ExitCode);
        Assert.Equal(0, study.Tool("figures").ExitCode);

        // The tests run in the test binaries' folder, never the study's: the input's row must not depend on it.
        Assert.NotEqual(Path.GetFullPath(study.Folder), Path.GetFullPath(Environment.CurrentDirectory));
        Assert.Equal(0, study.Tool("appendix").ExitCode);

        string html = File.ReadAllText(Path.Combine(study.Folder, "paper", "report.html"));
        Assert.Contains("<td class=\"mono\">org_model/12/attention_probs_mean.pt</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_appendix_command_writes_the_report_and_rewrites_it_only_when_it_changes()
    {
        using var study = SampleStudy.Built();
        string report = Report(study);
        string stamp = Path.Combine(study.Folder, "appendix.stamp");
        byte[] first = File.ReadAllBytes(report);
        string html = File.ReadAllText(report);

        var (code, _, error) = study.Tool("appendix", "--stamp", stamp);

        Assert.Equal(0, code);
        Assert.Contains("appendix: 0 written, 4 unchanged", error, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllBytes(report));
        Assert.Contains(report, File.ReadAllLines(stamp));
        Assert.Contains("<td class=\"nowrap\">alpha *</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"nowrap\">beta *</td>", html, StringComparison.Ordinal);
        Assert.Contains("synthetic:org/alpha/16", html, StringComparison.Ordinal);
        // The temporary study is no git repository.
        Assert.Equal(2, html.Split($"title=\"{GitHistory.NoHistory}\"").Length - 1);
        Assert.DoesNotContain("class=\"stale\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Stages_that_were_stale_when_the_report_was_written_are_shown_so()
    {
        using var study = new SampleStudy();
        Assert.Equal(0, study.Tool("run").ExitCode);

        Assert.Equal(0, study.Tool("appendix").ExitCode);

        string html = File.ReadAllText(Report(study));
        Assert.Contains("<tr><td>figures</td><td>paper/figures/violation_rate.svg</td><td class=\"stale\">stale</td><td>not written yet</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("3 stage checks were stale when this page was written", html, StringComparison.Ordinal);
    }

    [GitFact]
    public void The_report_and_appendix_name_the_commit_of_each_result_or_say_uncommitted()
    {
        using var study = SampleStudy.Built();
        using var repository = new GitRepository(study.Folder);
        string commit = repository.CommitAll();
        File.AppendAllText(study.Result("beta", 16), "\n");

        Assert.Equal(0, study.Tool("appendix").ExitCode);

        string html = File.ReadAllText(Report(study));
        Assert.Contains($"title=\"{commit}\">{commit[..12]}</td>", html, StringComparison.Ordinal);
        Assert.Contains($"title=\"{GitHistory.Uncommitted}\">{GitHistory.Uncommitted}</td>", html, StringComparison.Ordinal);
        PdfText.AssertContains(PdfText.Of(File.ReadAllBytes(Path.Combine(study.Folder, "paper", "appendix.pdf"))), commit[..12], GitHistory.Uncommitted);
    }

    private static string Report(SampleStudy study) => Path.Combine(study.Folder, "paper", "report.html");
}
