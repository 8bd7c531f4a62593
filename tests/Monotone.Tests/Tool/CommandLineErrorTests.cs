using Monotone.Manifest;
using Monotone.Tests.Support;

namespace Monotone.Tests.Tool;

/// <summary>The one error model at the command line: one canonical line, exit 2, control characters escaped.</summary>
public class CommandLineErrorTests
{
    /// <summary>
    /// Every option the command line refuses, in one table: the problem the one line names, then the command and
    /// its options. The input tensor does not exist and the study has no results, so a row that passes
    /// shows the option is checked before any file is read or written.
    /// </summary>
    [Theory]
    // Tolerances and thresholds: finite numbers >= 0.
    [InlineData("--rtol must be a finite number >= 0, not NaN", "verify", "--rtol", "NaN")]
    [InlineData("--rtol must be a finite number >= 0, not -1", "verify", "--rtol", "-1")]
    [InlineData("--rtol must be a finite number >= 0, not Infinity", "verify", "--rtol", "Infinity")]
    [InlineData("--atol must be a finite number >= 0, not NaN", "verify", "--atol", "NaN")]
    [InlineData("--atol must be a finite number >= 0, not -1E-12", "verify", "--atol", "-1e-12")]
    [InlineData("--epsilon must be a finite number >= 0, not -1", "analyze", "--epsilon", "-1")]
    // A value that is not a number is a usage error, not a trace.
    [InlineData("Cannot parse argument 'abc' for option '--rtol' as expected type 'System.Double'.", "verify", "--rtol", "abc")]
    [InlineData("Cannot parse argument 'inf' for option '--rtol' as expected type 'System.Double'.", "verify", "--rtol", "inf")]
    [InlineData("Cannot parse argument '' for option '--atol' as expected type 'System.Double'.", "verify", "--atol", "")]
    [InlineData("Cannot parse argument 'abc' for option '--jobs' as expected type 'System.Int32'.", "run", "--jobs", "abc")]
    [InlineData("Cannot parse argument 'abc' for option '--epsilon' as expected type 'System.Double'.", "analyze", "--epsilon", "abc")]
    [InlineData("Cannot parse argument 'inf' for option '--relative-floor' as expected type 'System.Double'.", "analyze", "--relative-floor", "inf")]
    [InlineData("Cannot parse argument '99999999999' for option '--threads' as expected type 'System.Int32'.", "analyze", "--threads", "99999999999")]
    [InlineData("Cannot parse argument 'x' for option '--rtol' as expected type 'System.Double'.", "diff", "--rtol", "x")]
    // A number with a comma is refused, not read as thousands.
    [InlineData("--epsilon takes a number with a decimal point, not '1,5'", "analyze", "--epsilon", "1,5")]
    [InlineData("--relative-floor takes a number with a decimal point, not '1,000'", "analyze", "--relative-floor", "1,000")]
    // A choice that is not one of its names (engine, slopes) is refused with the names (TypedOptionTests: they read back).
    [InlineData("--engine must be fast, reference, torch or auto, not 'quantum'", "analyze", "--engine", "quantum")]
    [InlineData("--engine must be fast, reference, torch or auto, not 'Fast'", "analyze", "--engine", "Fast")]
    [InlineData("--engine must be fast, reference, torch or auto, not 'FAST'", "analyze", "--engine", "FAST")]
    [InlineData("--engine must be fast, reference, torch or auto, not '1'", "analyze", "--engine", "1")]
    [InlineData("--engine must be fast, reference, torch or auto, not '2'", "analyze", "--engine", "2")]
    [InlineData("--engine must be fast, reference, torch or auto, not ''", "analyze", "--engine", "")]
    [InlineData("--engine must be fast, reference, torch or auto, not 'Reference'", "run", "--engine", "Reference")]
    [InlineData("--engine must be fast, reference, torch or auto, not '0'", "run", "--engine", "0")]
    [InlineData("--engine must be fast, reference, torch or auto, not 'gpu'", "verify", "--engine", "gpu")]
    [InlineData("slopes must be notebook, bloom, mpt or a comma-separated list of numbers, not 'alibi'", "analyze", "--slopes", "alibi")]
    [InlineData("slopes must be notebook, bloom, mpt or a comma-separated list of numbers, not '0.5,x'", "analyze", "--slopes", "0.5,x")]
    [InlineData("slopes must be notebook, bloom, mpt or a comma-separated list of numbers, not '1,inf'", "analyze", "--slopes", "1,inf")]
    // Counts: --threads is analyze's layers at once (0 = one per processor), --jobs the manifest commands' experiments at once.
    [InlineData("--threads must be 0 (one per processor) or a positive number", "analyze", "--threads", "-1")]
    [InlineData("analyze takes --threads for layers at once (--jobs is experiments at once, on run, repro and verify)", "analyze", "--jobs", "2")]
    [InlineData("--jobs must be at least 1", "run", "--jobs", "0")]
    [InlineData("--shard must be K/N with 1 <= K <= N, not '3/2'", "run", "--shard", "3/2")]
    // The torch engine's options: they apply to torch or auto only, and are read before libtorch is looked for.
    [InlineData("--device and --chunk-memory apply to --engine torch or auto, not reference", "analyze", "--engine", "reference", "--device", "cpu")]
    [InlineData("--device and --chunk-memory apply to --engine torch or auto, not reference", "analyze", "--engine", "reference", "--chunk-memory", "1G")]
    [InlineData("--engine auto runs torch only on a GPU; for the CPU use --engine torch --device cpu", "analyze", "--engine", "auto", "--device", "cpu")]
    [InlineData("--device must be auto, cpu, cuda or cuda:N, not 'gpu'", "analyze", "--engine", "torch", "--device", "gpu")]
    [InlineData("--device must be auto, cpu, cuda or cuda:N, not 'cuda:x'", "analyze", "--engine", "torch", "--device", "cuda:x")]
    [InlineData("--chunk-memory must be a size such as 512M or 4G, not 'lots'", "analyze", "--engine", "torch", "--chunk-memory", "lots")]
    [InlineData("--chunk-memory must be a size such as 512M or 4G, not '-1M'", "analyze", "--engine", "torch", "--chunk-memory", "-1M")]
    // Options a command does not have.
    [InlineData("Unrecognized command or argument '--bogus'.", "analyze", "--bogus", "1")]
    [InlineData("Unrecognized command or argument '--threads'.", "run", "--threads", "2")]
    [InlineData("Unrecognized command or argument '--threads'.", "verify", "--threads", "2")]
    public void A_bad_option_is_one_line_naming_it_before_any_file_is_read_or_written(string problem, string command, params string[] options)
    {
        using var study = new SampleStudy();

        ToolAssert.BadUsageLine(study.Command(command, Path.Combine(study.Folder, "x.pt"), options), problem);
        Assert.Equal(["experiments.yaml"], Directory.GetFileSystemEntries(study.Folder).Select(Path.GetFileName));
    }

    [Fact]
    public void A_label_the_manifest_does_not_have_is_one_line_naming_it()
    {
        using var study = new SampleStudy();

        ToolAssert.FailsWithLine(study.Tool("run", "--only", "nobody"), 2, "monotone: error MONO040: nothing in the manifest is named 'nobody' (the models are alpha, beta; the sequence lengths are 16; the variants are @default)");
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
