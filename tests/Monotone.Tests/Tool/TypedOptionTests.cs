using Monotone.Core;
using Monotone.Engine;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.Tool;

/// <summary>
/// Each choice (engine, slopes, shell) is read in one place, by name only, with the names in help and errors (the
/// errors: CommandLineErrorTests' table of bad options).
/// </summary>
public class TypedOptionTests
{
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
        var threads = AnalyzedResult.Of(NotebookCases.Basic, "--threads", "2");
        var jobs = ToolRunner.Run("analyze", NotebookCases.Basic, "-j", "2");

        Assert.Equal(3, threads.Layers.Count);
        ToolAssert.BadUsage(jobs, "analyze takes --threads for layers at once (--jobs is experiments at once, on run, repro and verify)");
    }

    [Theory]
    [InlineData("bloom", "bloom")]
    [InlineData("MPT", "mpt")]
    [InlineData(" notebook ", "notebook")]
    [InlineData("0.5, 0.25,0.125,0.0625", "0.5,0.25,0.125,0.0625")]
    public void Slopes_are_recorded_in_the_spelling_the_manifest_uses(string given, string recorded)
    {
        Assert.Equal(recorded, AnalyzedResult.Of(NotebookCases.Basic, "--slopes", given).Options.Slopes);
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
}
