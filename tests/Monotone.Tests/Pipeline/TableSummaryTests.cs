using Monotone.Pipeline;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// experiments/results.csv is derived from the results and rewritten whenever it differs from
/// them; the run's last line says so, so that a hand-edited table is never replaced in silence.
/// </summary>
public sealed class TableSummaryTests
{
    [Theory]
    [InlineData("run")]
    [InlineData("repro", "--stage", "analysis")]
    public void A_hand_edited_table_is_rewritten_and_the_last_line_says_so_once(params string[] command)
    {
        using var study = new SampleStudy();
        Assert.Equal(0, study.Tool("run").ExitCode);
        string table = Path.Combine(study.Folder, "experiments", ResultsTable.FileName);
        byte[] derived = File.ReadAllBytes(table);
        File.WriteAllText(table, "edited by hand\n");

        var rewrite = study.Tool(command);
        var again = study.Tool(command);

        Assert.Equal(0, rewrite.ExitCode);
        Assert.EndsWith("monotone: 0 analysed, 2 fresh; results.csv written\n", rewrite.Error, StringComparison.Ordinal);
        Assert.Equal(derived, File.ReadAllBytes(table));
        Assert.EndsWith("monotone: 0 analysed, 2 fresh\n", again.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_run_writes_the_table_and_says_so()
    {
        using var study = new SampleStudy();

        var first = study.Tool("run");

        Assert.EndsWith("monotone: 2 analysed, 0 fresh; results.csv written\n", first.Error, StringComparison.Ordinal);
    }
}
