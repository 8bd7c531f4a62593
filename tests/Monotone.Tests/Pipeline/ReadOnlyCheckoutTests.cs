using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>The hash memo is a cache: a checkout where it cannot be written still answers status and verify.</summary>
public sealed class ReadOnlyCheckoutTests
{
    [ImmutableFact]
    public void Status_and_verify_work_where_the_memo_cannot_be_written()
    {
        using var study = new SampleStudy(FileInputTests.Manifest("data"));
        FileInputTests.CopyInput(study.Folder, "f32_basic.pt");
        Assert.Equal(0, study.Tool("run").ExitCode);
        string state = Path.Combine(study.Folder, ".monotone");
        File.Delete(Path.Combine(state, "fingerprints.json"));
        try
        {
            Immutable.Set(state, true);

            var status = study.Tool("status");
            var verify = study.Tool("verify");

            Assert.Equal((0, ""), (status.ExitCode, status.Error.Contains("error", StringComparison.Ordinal) ? status.Error : ""));
            Assert.Contains("model/12  fresh", status.Out, StringComparison.Ordinal);
            Assert.DoesNotContain("error", verify.Error, StringComparison.Ordinal);
            Assert.Contains("verify: the one experiment reproduces", verify.Out, StringComparison.Ordinal);
        }
        finally
        {
            Immutable.Set(state, false);
        }
    }
}
