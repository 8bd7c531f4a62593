using Monotone.Build;
using Monotone.Core;
using Monotone.Tests.Support;

namespace Monotone.Tests.Build;

/// <summary>
/// The plan task in-process (a fake build engine): which stages the build runs, decided by
/// content. The tool in these tests is the test's own folder, which holds the same assemblies
/// the in-process tool draws with, so both compute one drawing-code identity.
/// </summary>
public sealed class PlanPipelineTests
{
    [Fact]
    public void A_new_study_is_stale_in_every_stage()
    {
        using var study = new SampleStudy();

        var (task, engine) = Plan(study);

        AssertStale(task, analysis: true, figures: true, appendix: true);
        Assert.False(task.KeptResults);
        Assert.Empty(engine.Errors);
    }

    [Fact]
    public void After_repro_nothing_is_stale_and_a_figure_option_makes_only_the_paper_stale()
    {
        using var study = Reproduced();

        var (fresh, _) = Plan(study);
        study.WriteManifest(SampleStudy.Tiny + "\nfigures:\n  show_std_error: true\n");
        var (option, engine) = Plan(study);

        AssertStale(fresh, analysis: false, figures: false, appendix: false);
        AssertStale(option, analysis: false, figures: true, appendix: true);
        Assert.Contains(engine.Messages, m => m.Message == "monotone: figures is stale: option show_std_error changed: false -> true");
    }

    [Fact]
    public void A_deleted_output_makes_its_stage_stale_and_only_it()
    {
        using var study = Reproduced();
        File.Delete(Path.Combine(study.Folder, "paper", "generated", "numbers.tex"));

        var (task, engine) = Plan(study);

        AssertStale(task, analysis: false, figures: false, appendix: true);
        Assert.Contains(engine.Messages, m => m.Message == "monotone: latex is stale: output missing: paper/generated/numbers.tex");
    }

    [Fact]
    public void An_unknown_tool_leaves_the_paper_stages_to_the_tool()
    {
        using var study = Reproduced();

        var (task, _) = Plan(study, toolFolder: "");

        AssertStale(task, analysis: false, figures: true, appendix: true);
    }

    [Fact]
    public void A_rebuilt_drawing_library_makes_the_paper_stale()
    {
        using var study = Reproduced();
        using var tool = new TemporaryFolder();
        foreach (string name in Monotone.Pipeline.CodeIdentity.Assemblies)
        {
            // Another build of the tool: the same files but one, which is another assembly.
            string source = name == "Monotone.Report.dll" ? typeof(PlanPipelineTests).Assembly.Location : Path.Combine(AppContext.BaseDirectory, name);
            File.Copy(source, tool.File(name));
        }

        var (task, engine) = Plan(study, tool.Path);

        AssertStale(task, analysis: false, figures: true, appendix: true);
        Assert.Contains(engine.Messages, m => m.Message == "monotone: figures is stale: drawing code changed");
    }

    [Fact]
    public void A_broken_manifest_is_one_error_at_its_line_and_column()
    {
        using var study = new SampleStudy(SampleStudy.Tiny.Replace("    heads: 3", "    haeds: 3", StringComparison.Ordinal));

        var (task, engine) = Plan(study, expectSuccess: false);

        var error = Assert.Single(engine.Errors);
        Assert.Equal(DiagnosticCodes.Manifest.UnknownKey, error.Code);
        Assert.Equal(study.ManifestPath, error.File);
        Assert.Equal(13, error.LineNumber);
        Assert.True(task.AnalysisStale is false && task.FiguresStale is false);
    }

    /// <summary>A sample study after a successful `repro`: every stage's outputs and stamps written.</summary>
    private static SampleStudy Reproduced()
    {
        var study = new SampleStudy();
        Assert.Equal(0, study.Tool("repro").ExitCode);
        return study;
    }

    /// <summary>The three stages the plan decides (docs/design.md §4): each stale or not as given.</summary>
    private static void AssertStale(PlanPipeline task, bool analysis, bool figures, bool appendix)
    {
        Assert.Equal(analysis, task.AnalysisStale);
        Assert.Equal(figures, task.FiguresStale);
        Assert.Equal(appendix, task.AppendixStale);
    }

    private static (PlanPipeline Task, RecordingBuildEngine Engine) Plan(SampleStudy study, string? toolFolder = null, bool expectSuccess = true)
    {
        var engine = new RecordingBuildEngine();
        var task = new PlanPipeline
        {
            BuildEngine = engine,
            Manifest = study.ManifestPath,
            ToolFolder = toolFolder ?? AppContext.BaseDirectory,
        };

        Assert.Equal(expectSuccess, task.Execute());
        return (task, engine);
    }
}
