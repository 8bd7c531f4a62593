using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// The layers and heads a manifest declares for a model are part of what a result answers: a
/// declaration changed after the result was made leaves it stale, named in status, and the run
/// that follows refuses the contradicting tensor without touching the committed result.
/// </summary>
public sealed class DeclaredShapeTests
{
    [Theory]
    [InlineData("layers: 3", "layers: 5", "model/12  stale: layers changed: 3 -> 5", "has 3 layers, but the manifest says 5")]
    [InlineData("heads: 4", "heads: 6", "model/12  stale: heads changed: 4 -> 6", "has 4 heads, but the manifest says 6")]
    public void A_changed_declaration_is_stale_and_the_rerun_refuses_the_tensor(string declared, string changed, string status, string refusal)
    {
        using var study = FileInputTests.Study(out _).Ran("run");
        byte[] result = File.ReadAllBytes(study.Result("model", 12));
        study.WriteManifest(File.ReadAllText(study.ManifestPath).Replace(declared, changed, StringComparison.Ordinal));

        RunAssert.StatusSays(study.Tool("status", "--check"), 1, status);
        var rerun = study.Tool("run");

        Assert.Equal(2, rerun.ExitCode);
        Assert.Contains(refusal, rerun.Error, StringComparison.Ordinal);
        Assert.Equal(result, File.ReadAllBytes(study.Result("model", 12)));
    }

    [Fact]
    public void A_shape_left_undeclared_for_files_keeps_the_result_fresh()
    {
        using var study = FileInputTests.Study(out _).Ran("run");
        study.WriteManifest(File.ReadAllText(study.ManifestPath)
            .Replace("    layers: 3\n", "", StringComparison.Ordinal)
            .Replace("    heads: 4\n", "", StringComparison.Ordinal));

        RunAssert.StatusSays(study.Tool("status"), 0, "model/12  fresh\n");
    }

    [Fact]
    public void A_synthetic_models_new_layer_count_is_named_beside_its_new_input()
    {
        using var study = new SampleStudy().Ran("run");
        study.WriteManifest(SampleStudy.Tiny.Replace("layers: 3", "layers: 4", StringComparison.Ordinal));

        RunAssert.StatusSays(study.Tool("status"), 0, "alpha/16  stale: layers changed: 3 -> 4; input changed: ", "beta/16   fresh\n");
    }
}
