using Monotone.Manifest;
using Monotone.Tests.Support;

namespace Monotone.Tests.Tool;

/// <summary>The one error model at the command line: one canonical line, exit 2, control characters escaped.</summary>
public class CommandLineErrorTests
{
    [Theory]
    [InlineData("--rtol", "NaN")]
    [InlineData("--rtol", "-1")]
    [InlineData("--rtol", "Infinity")]
    [InlineData("--atol", "NaN")]
    [InlineData("--atol", "-1e-12")]
    public void Verify_refuses_meaningless_tolerances_before_any_work(string option, string value)
    {
        using var study = new SampleStudy();

        ToolAssert.BadUsage(study.Tool("verify", option, value), $"{option} must be a finite number >= 0");
    }

    [Theory]
    [InlineData("verify", "--rtol", "abc")]
    [InlineData("verify", "--rtol", "inf")]
    [InlineData("verify", "--atol", "")]
    [InlineData("run", "--jobs", "abc")]
    [InlineData("analyze", "--epsilon", "abc")]
    [InlineData("analyze", "--relative-floor", "inf")]
    [InlineData("analyze", "--threads", "99999999999")]
    [InlineData("diff", "--rtol", "x")]
    public void A_value_that_is_not_a_number_is_a_usage_error_not_a_trace(string command, string option, string value)
    {
        using var study = new SampleStudy();

        ToolAssert.BadUsage(study.Command(command, Path.Combine(study.Folder, "x.pt"), option, value), $"Cannot parse argument '{value}' for option '{option}'");
    }

    [Theory]
    [InlineData("analyze", "--slopes", "alibi")]
    [InlineData("analyze", "--epsilon", "-1")]
    [InlineData("analyze", "--engine", "quantum")]
    [InlineData("analyze", "--engine", "Fast")]
    [InlineData("analyze", "--engine", "1")]
    [InlineData("analyze", "--threads", "-1")]
    [InlineData("analyze", "--jobs", "2")]
    [InlineData("analyze", "--bogus", "1")]
    [InlineData("run", "--shard", "3/2")]
    [InlineData("run", "--jobs", "0")]
    [InlineData("run", "--only", "nobody")]
    [InlineData("run", "--threads", "2")] // --threads is analyze's (layers at once), not an option of the manifest commands.
    [InlineData("verify", "--threads", "2")]
    public void Bad_usage_exits_2_with_one_line(string command, string option, string value)
    {
        using var study = new SampleStudy();

        ToolAssert.BadUsage(study.Command(command, NotebookCases.Basic, option, value), "");
    }

    [Theory]
    [InlineData("--epsilon", "1,5")]
    [InlineData("--relative-floor", "1,000")]
    public void A_number_with_a_comma_is_refused_not_read_as_thousands(string option, string value)
    {
        using var folder = new TemporaryFolder();

        ToolAssert.BadUsage(ToolRunner.Run("analyze", folder.File("x.pt"), option, value), $"{option} takes a number with a decimal point, not '{value}'");
    }

    [Fact]
    public void An_empty_input_is_a_usage_error_not_a_trace()
    {
        ToolAssert.BadUsage(ToolRunner.Run("analyze", ""), "INPUT is empty: name a tensor file");
    }

    [Fact]
    public void A_manifest_nested_50000_levels_is_one_line_and_exit_2()
    {
        using var study = new SampleStudy(SampleStudy.Tiny + "\nextra: " + new string('[', 50_000) + new string(']', 50_000) + "\n");

        ToolAssert.FailsWithLine(study.Tool("status"), 2, $"{study.ManifestPath}(14,{8 + ManifestLimits.MaxDepth - 1}): error MONO009: mappings and lists nest more than {ManifestLimits.MaxDepth} levels deep");
    }

    [Fact]
    public void Control_characters_from_a_manifest_are_escaped_on_the_terminal()
    {
        using var study = new SampleStudy(SampleStudy.Tiny.Replace("label: alpha", "label: \"al\\e]0;owned\\apha\\u202E\"", StringComparison.Ordinal));

        var (code, _, error) = study.Tool("status");

        Assert.Equal(2, code);
        Assert.Contains("label 'al\\e]0;owned\\x07pha\\u202E' names a folder", error, StringComparison.Ordinal);
        Assert.DoesNotContain(error.TrimEnd('\n'), c => char.IsControl(c));
    }

    [Fact]
    public void A_result_path_that_is_a_directory_is_one_line_not_a_trace()
    {
        using var study = new SampleStudy();
        Directory.CreateDirectory(study.Result("alpha", 16));

        foreach (string command in new[] { "run", "verify" })
        {
            var (code, _, error) = study.Tool(command);

            Assert.Equal(2, code);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.Contains($"{study.Result("alpha", 16)}: error MONO041: is a directory", error, StringComparison.Ordinal);
        }

        var (statusCode, _, statusError) = study.Tool("status");
        Assert.Equal(0, statusCode);
        Assert.Equal("", statusError);
    }

    [ImmutableFact]
    public void An_immutable_results_folder_is_one_line_naming_it()
    {
        using var study = new SampleStudy();
        string folder = Path.Combine(study.Folder, "experiments");
        Directory.CreateDirectory(folder);
        Immutable.Set(folder, true);
        try
        {
            var (code, _, error) = study.Tool("run");

            Assert.Equal(2, code);
            Assert.Single(error.TrimEnd('\n').Split('\n'), line => line.Contains("error MONO", StringComparison.Ordinal));
            Assert.Contains("error MONO043", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }
        finally
        {
            Immutable.Set(folder, false);
        }
    }

    [ImmutableFact]
    public void An_immutable_lock_folder_is_one_line_naming_the_lock()
    {
        using var study = new SampleStudy();
        string locks = Path.Combine(study.Folder, ".monotone", "locks");
        Directory.CreateDirectory(locks);
        Immutable.Set(locks, true);
        try
        {
            ToolAssert.FailsWithLine(study.Tool("run"), 2, $"{Path.Combine(locks, "alpha.16.lock")}: error MONO043: permission denied, or the file or its folder is immutable");
        }
        finally
        {
            Immutable.Set(locks, false);
        }
    }
}
