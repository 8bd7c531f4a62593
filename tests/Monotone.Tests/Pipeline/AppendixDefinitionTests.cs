using Monotone.Manifest;
using Monotone.Pipeline;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// The appendix's recorded inputs follow the commit of each result, so that committing the results
/// (which changes no file the build reads) still redraws an appendix that said "uncommitted".
/// </summary>
public sealed class AppendixDefinitionTests
{
    [GitFact]
    public void Committing_the_results_changes_the_appendix_definition_and_nothing_else_does()
    {
        using var study = new SampleStudy().Ran("run");
        using var repository = new GitRepository(study.Folder);

        var beforeCommit = Definition(study);
        string head = repository.CommitAll();
        var afterCommit = Definition(study);
        var again = Definition(study);

        Assert.Equal("uncommitted", beforeCommit["commit alpha/16"]);
        Assert.Equal(head, afterCommit["commit alpha/16"]);
        Assert.Equal(head, afterCommit["commit beta/16"]);
        Assert.Equal(afterCommit, again);
    }

    [Fact]
    public void Outside_a_repository_the_definition_says_there_is_no_history()
    {
        using var study = new SampleStudy();

        Assert.Equal("no git history", Definition(study)["commit alpha/16"]);
    }

    private static SortedDictionary<string, string> Definition(SampleStudy study)
    {
        var manifest = ManifestReader.Read(study.ManifestPath, []);
        return StageInputs.Of(StageKind.Appendix, manifest, ExperimentPlan.From(manifest), "code");
    }
}
