using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Build;

/// <summary>
/// End to end: the real `dotnet build` on a sample repository that imports
/// build/Monotone.targets. Each test builds several times, so they are few.
/// </summary>
public class BuildPipelineTests
{
    [Fact]
    public void A_second_build_runs_nothing_and_adding_a_model_runs_only_that_model()
    {
        using var sample = new SampleRepository(SampleStudy.Tiny);

        var first = sample.Dotnet("build");
        var written = File.GetLastWriteTimeUtc(sample.Result("alpha", 16));
        var outputs = OutputFiles.Take(sample.Folder);
        var second = sample.Dotnet("build");
        var afterSecond = OutputFiles.Take(sample.Folder);
        sample.WriteManifest(SampleStudy.Tiny + "\n  - id: org/gamma\n    label: gamma\n    layers: 1\n    heads: 2\n");
        var third = sample.Dotnet("build");

        Assert.True(first.ExitCode == 0, first.Log);
        Assert.Contains("alpha/16: analysing", first.Log, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(sample.Folder, "paper", "figures", "violation_rate.pdf")));
        Assert.True(File.Exists(Path.Combine(sample.Folder, "paper", "appendix.pdf")));
        Assert.True(File.Exists(Path.Combine(sample.Folder, "paper", "generated", "numbers.tex")));
        Assert.Contains("beta/16: analysing", first.Log, StringComparison.Ordinal);
        Assert.Contains("beta/16: done in", first.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(": layer ", first.Log, StringComparison.Ordinal);
        Assert.Equal(3, ResultJson.Read(sample.Result("alpha", 16)).Layers.Count);

        PipelineLog.RanNothing(second, "dotnet-monotone.dll\" repro", outputs, afterSecond);
        Assert.Equal(written, File.GetLastWriteTimeUtc(sample.Result("alpha", 16)));

        PipelineLog.AnalysedOnlyGamma(third);
        Assert.Equal(written, File.GetLastWriteTimeUtc(sample.Result("alpha", 16)));
    }

    [Fact]
    public void A_figure_option_redraws_figures_and_appendix_without_analysis_and_clean_keeps_results()
    {
        using var sample = new SampleRepository(SampleStudy.Tiny);
        var build = sample.Dotnet("build");
        Assert.True(build.ExitCode == 0, build.Log);
        string figure = Path.Combine(sample.Folder, "paper", "figures", "average_absolute_error.pdf");
        string appendix = Path.Combine(sample.Folder, "paper", "appendix.pdf");
        var before = File.ReadAllBytes(figure);
        var appendixBefore = File.ReadAllBytes(appendix);
        var resultTime = File.GetLastWriteTimeUtc(sample.Result("alpha", 16));

        sample.WriteManifest(SampleStudy.Tiny + "\nfigures:\n  show_std_error: true\n");
        var redraw = sample.Dotnet("build");
        var after = File.ReadAllBytes(figure);
        var appendixAfter = File.ReadAllBytes(appendix);
        var record = File.ReadAllText(Path.Combine(sample.Folder, ".monotone", "stages", "experiments.yaml.json"));
        var clean = sample.Dotnet("clean");

        Assert.True(redraw.ExitCode == 0, redraw.Log);
        Assert.NotEqual(before, after);
        Assert.NotEqual(appendixBefore, appendixAfter);
        Assert.Equal(resultTime, File.GetLastWriteTimeUtc(sample.Result("alpha", 16)));
        // Figures and appendix record it; the LaTeX prints no standard error, so its stage does not.
        Assert.Equal(2, record.Split("\"option show_std_error\": \"true\"").Length - 1);

        Assert.True(clean.ExitCode == 0, clean.Log);
        Assert.False(File.Exists(figure));
        Assert.False(File.Exists(appendix));
        Assert.False(File.Exists(Path.Combine(sample.Folder, "paper", "generated", "numbers.tex")));
        Assert.False(File.Exists(Path.Combine(sample.Folder, ".monotone", "stages", "experiments.yaml.json")));
        Assert.True(File.Exists(sample.Result("alpha", 16)));
    }

    [Fact]
    public void Two_studies_built_by_one_paper_project_never_clean_each_others_outputs()
    {
        // Issue 12: both studies' stamps were paper/obj/monotone's, so cleaning one deleted the other's files.
        using var sample = new SampleRepository(SampleStudy.Tiny);
        string second = Path.Combine(sample.Folder, "second");
        Directory.CreateDirectory(second);
        File.WriteAllText(Path.Combine(second, "experiments.yaml"), SampleStudy.Tiny);

        var first = sample.Dotnet("build");
        var other = sample.Dotnet("build", "-p:MonotoneManifest=second/experiments.yaml");
        var clean = sample.Dotnet("clean");

        Assert.True(first.ExitCode == 0, first.Log);
        Assert.True(other.ExitCode == 0, other.Log);
        Assert.True(clean.ExitCode == 0, clean.Log);
        Assert.False(File.Exists(Path.Combine(sample.Folder, "paper", "appendix.pdf")));
        Assert.True(File.Exists(Path.Combine(second, "paper", "appendix.pdf")));
        Assert.True(File.Exists(Path.Combine(second, "paper", "figures", "violation_rate.pdf")));
        Assert.True(File.Exists(Path.Combine(second, ".monotone", "stages", "experiments.yaml.json")));
    }

    [Fact]
    public void A_broken_manifest_fails_the_build_in_the_canonical_form()
    {
        using var sample = new SampleRepository(SampleStudy.Tiny.Replace("    heads: 3", "    haeds: 3", StringComparison.Ordinal));

        var (code, log) = sample.Dotnet("build");

        Assert.NotEqual(0, code);
        Assert.Contains(
            $"{Path.Combine(sample.Folder, "experiments.yaml")}(13,5): error MONO002: unknown key 'haeds' in a model entry (did you mean 'heads'?)",
            log,
            StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(sample.Folder, "experiments")));
    }

    [Fact]
    public void The_pipeline_can_be_skipped()
    {
        using var sample = new SampleRepository(SampleStudy.Tiny);

        var (code, log) = sample.Dotnet("build", "-p:MonotoneSkip=true");

        Assert.True(code == 0, log);
        Assert.False(Directory.Exists(Path.Combine(sample.Folder, "experiments")));
    }
}
