using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// A variant's numbers against the notebook: a tensor written by real PyTorch, analysed by the
/// pipeline under the default options and under a variant, each equal to the notebook's own
/// code run with those options (Fixtures/cases.json: <c>eps_floor_defaults</c>, <c>eps_floor</c>).
/// </summary>
public class VariantNotebookTests
{
    [Fact]
    public void Each_variant_matches_the_notebook_run_with_its_options()
    {
        using var study = new SampleStudy("models: []");
        FileInputTests.CopyInput(study.Folder, "eps_floor.pt");
        study.WriteManifest(FileInputTests.Manifest("data").Replace("layers: 3", "layers: 2", StringComparison.Ordinal) + """

            variants:
              - name: eps-1e-6-floor-1e-3
                analysis:
                  epsilon: 1e-6
                  relative_floor: 1e-3
            """);

        var (code, _, error) = study.Tool("run");

        Assert.True(code == 0, error);
        var variant = ResultJson.Read(Path.Combine(study.Folder, "experiments", "model", "12@eps-1e-6-floor-1e-3", "monotonicity.json"));
        var standard = ResultJson.Read(study.Result("model", 12));
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("eps_floor")), variant.Layers);
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("eps_floor_defaults")), standard.Layers);
        Assert.Equal((1e-6, 1e-3), (variant.Options.Epsilon, variant.Options.RelativeFloor));

        // The fixture is chosen so that the epsilons count differently (36 and 16 violations in layer 1).
        Assert.NotEqual(standard.Layers[0].ViolationsCount, variant.Layers[0].ViolationsCount);
    }
}
