using System.Text.Json.Nodes;
using Monotone.Core;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>`dotnet monotone verify`: recompute, compare, and exit 1 on any difference.</summary>
public class VerifyTests
{
    private static SampleStudy Built() => SampleStudy.Built();

    [Fact]
    public void Committed_results_that_reproduce_pass()
    {
        using var study = Built();

        var (code, output, _) = study.Tool("verify");

        Assert.Equal(0, code);
        Assert.StartsWith("verify: all 2 experiments reproduce", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_number_is_shown_as_a_metrics_diff()
    {
        using var study = Built();
        string path = study.Result("alpha", 16);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        // One more violation, with the derived fields that follow from it, so the file stays valid.
        var layer = json["layers"]![2]!;
        long count = (long)layer["violations_count"]!;
        var edited = LayerStats.FromTotals(
            (long)layer["combinations"]!, count + 1, (double)layer["total_absolute_error"]!, (double)layer["total_relative_error"]!, (double)layer["absolute_error_std"]!, (double)layer["relative_error_std"]!);
        layer["violations_count"] = count + 1;
        layer["violation_rate"] = edited.ViolationRate;
        layer["absolute_error"] = edited.AbsoluteError;
        layer["relative_error"] = edited.RelativeError;
        File.WriteAllText(path, json.ToJsonString());

        var verify = study.Tool("verify");

        RunAssert.Printed(verify, 1, "Experiment  Layer  Metric", "verify: 1 of 2 experiments differ");
        Assert.Matches($@"alpha/16\s+3\s+violations_count\s+{count + 1}\s+{count}\s+-1", verify.Out);
    }

    [Fact]
    public void A_model_without_a_result_yet_differs_instead_of_failing()
    {
        using var study = Built();
        File.Delete(study.Result("alpha", 16));

        var verify = study.Tool("verify");

        RunAssert.Printed(verify, 1, "verify: 1 of 2 experiments differ");
        Assert.Matches(@"alpha/16\s+-\s+result\s+no result yet", verify.Out);
        Assert.DoesNotContain("error", verify.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stale_figure_fails()
    {
        using var study = Built();
        File.AppendAllText(Path.Combine(study.Folder, "paper", "figures", "violation_rate.svg"), "<!-- edited -->");

        var verify = study.Tool("verify");

        RunAssert.Printed(verify, 1, "verify: paper/figures/violation_rate.svg is stale");
    }

    [Fact]
    public void Figures_without_results_say_what_to_run()
    {
        using var study = new SampleStudy();

        var figures = study.Tool("figures");

        RunAssert.Logged(figures, 2, "no result for alpha/16 yet; run `dotnet monotone run` first");
    }
}
