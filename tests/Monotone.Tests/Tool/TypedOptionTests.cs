using Monotone.Core;
using Monotone.Engine;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.Tool;

/// <summary>Each choice (engine, slopes, shell) is read in one place, by name only, with the names in help and errors.</summary>
public class TypedOptionTests
{
    [Theory]
    [InlineData("analyze", "FAST")]
    [InlineData("analyze", "2")]
    [InlineData("analyze", "")]
    [InlineData("run", "Reference")]
    [InlineData("run", "0")]
    [InlineData("verify", "gpu")]
    public void An_engine_that_is_not_a_name_is_one_line_naming_the_choices_and_exit_2(string command, string engine)
    {
        using var study = new SampleStudy();

        AssertUsageError(study.Command(command, NotebookCases.Basic, "--engine", engine), $"--engine must be fast, reference, torch or auto, not '{engine}'");
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("run")]
    [InlineData("verify")]
    public void Help_lists_the_engine_names_as_the_value(string command)
    {
        var (code, stdout, _) = ToolRunner.Run(command, "--help");

        Assert.Equal(0, code);
        Assert.Contains("--engine <fast|reference|torch|auto>", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_takes_threads_and_refuses_jobs_with_the_new_name()
    {
        using var folder = new TemporaryFolder();

        var (code, _, _) = ToolRunner.Run("analyze", NotebookCases.Basic, "-o", folder.File("r.json"), "--threads", "2");
        var jobs = ToolRunner.Run("analyze", NotebookCases.Basic, "-j", "2");

        Assert.Equal(0, code);
        ToolAssert.BadUsage(jobs, "analyze takes --threads for layers at once (--jobs is experiments at once, on run, repro and verify)");
    }

    [Theory]
    [InlineData("bloom", "bloom")]
    [InlineData("MPT", "mpt")]
    [InlineData(" notebook ", "notebook")]
    [InlineData("0.5, 0.25,0.125,0.0625", "0.5,0.25,0.125,0.0625")]
    public void Slopes_are_recorded_in_the_spelling_the_manifest_uses(string given, string recorded)
    {
        using var folder = new TemporaryFolder();

        var (code, _, error) = ToolRunner.Run("analyze", NotebookCases.Basic, "-o", folder.File("r.json"), "--slopes", given);

        Assert.True(code == 0, error);
        Assert.Equal(recorded, ResultJson.Read(folder.File("r.json")).Options.Slopes);
    }

    [Theory]
    [InlineData("alibi")]
    [InlineData("0.5,x")]
    [InlineData("1,inf")]
    public void Slopes_that_are_neither_a_name_nor_numbers_are_one_line_and_exit_2(string slopes)
    {
        AssertUsageError(ToolRunner.Run("analyze", NotebookCases.Basic, "--slopes", slopes), $"slopes must be notebook, bloom, mpt or a comma-separated list of numbers, not '{slopes}'");
    }

    [Theory]
    [InlineData(EngineKind.Fast, "fast")]
    [InlineData(EngineKind.Reference, "reference")]
    [InlineData(EngineKind.Torch, "torch")]
    [InlineData(EngineKind.Auto, "auto")]
    public void Each_engine_kind_has_one_name_that_reads_back(EngineKind kind, string name)
    {
        Assert.Equal(name, kind.Name());
        Assert.True(EngineKinds.TryParse(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.False(EngineKinds.TryParse(((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture), out _));
    }

    [Theory]
    [InlineData(SlopeSet.Notebook, "notebook")]
    [InlineData(SlopeSet.Bloom, "bloom")]
    [InlineData(SlopeSet.Mpt, "mpt")]
    public void Each_slope_set_has_one_name_that_reads_back(SlopeSet set, string name)
    {
        var spec = SlopeSpec.Parse(name);

        Assert.Equal(set, spec.Set);
        Assert.Equal(name, spec.ToString());
    }

    [Theory]
    [InlineData(InputFormat.Torch, "torch")]
    [InlineData(InputFormat.Safetensors, "safetensors")]
    [InlineData(InputFormat.Npy, "npy")]
    [InlineData(InputFormat.Synthetic, "synthetic")]
    public void Each_input_format_keeps_the_spelling_result_files_record(InputFormat format, string spelling) =>
        Assert.Equal(spelling, format.Spelling());

    [Fact]
    public void A_name_table_has_one_name_per_value_and_reads_back_only_those_names()
    {
        var names = new EnumNames<InputFormat>("torch", "safetensors", "npy", "synthetic");

        Assert.Throws<ArgumentException>(() => new EnumNames<InputFormat>("torch", "safetensors", "npy"));
        Assert.Throws<ArgumentOutOfRangeException>(() => names.Name((InputFormat)4));
        Assert.True(names.TryParse("npy", out var npy));
        Assert.Equal(InputFormat.Npy, npy);
        Assert.All(new[] { "Npy", "2", "", null }, text => Assert.False(names.TryParse(text, out _)));
    }

    // Exactly one line on standard error, nothing on standard output, exit 2.
    private static void AssertUsageError((int ExitCode, string Out, string Error) run, string message) =>
        ToolAssert.FailsWithLine(run, 2, $"monotone: error MONO040: {message} (see 'dotnet monotone --help')");
}
