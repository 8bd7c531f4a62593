using Monotone.Manifest;
using Monotone.Pipeline;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// A <c>--only</c> name that matches nothing says what was probably meant, or which models and
/// variants there are, so that a researcher never has to open experiments.yaml to find the spelling.
/// </summary>
public sealed class SelectionHintTests
{
    private static readonly string TwoVariants = SampleStudy.Tiny + """

        variants:
          - name: eps-1e-3
            analysis:
              epsilon: 1e-3
        """;

    [Theory]
    [InlineData("alpah", "did you mean 'alpha'?")]
    [InlineData("beta/61", "did you mean 'beta/16'?")]
    [InlineData("@eps-1e-4", "did you mean '@eps-1e-3'?")]
    [InlineData("alpha@EPS-1e-3", "did you mean 'alpha@eps-1e-3'?")]
    [InlineData("@nope", "the models are alpha, beta; the variants are @default, @eps-1e-3")]
    [InlineData("mpt-7b/256", "the models are alpha, beta; the variants are @default, @eps-1e-3")]
    public void An_unknown_name_is_refused_with_the_nearest_name_or_the_choices(string name, string hint)
    {
        using var study = new SampleStudy(TwoVariants);
        var experiments = ExperimentPlan.From(ManifestReader.Read(study.ManifestPath, []));

        var error = Assert.Throws<UsageException>(() => ExperimentPlan.Only(experiments, [name, "alpha"]));

        Assert.Equal($"no experiment or model labelled '{name}' in the manifest ({hint})", error.Message);
    }

    [Fact]
    public void A_long_list_of_models_is_cut_after_eight()
    {
        string models = string.Concat(Enumerable.Range(1, 10).Select(i => $"\n  - id: org/m{i}\n    label: m{i}\n    layers: 1\n    heads: 1"));
        using var study = new SampleStudy($"title: Many\ndata:\n  source: synthetic\nsequence_lengths: [4]\nmodels:{models}\n");
        var experiments = ExperimentPlan.From(ManifestReader.Read(study.ManifestPath, []));

        var error = Assert.Throws<UsageException>(() => ExperimentPlan.Only(experiments, ["@x"]));

        Assert.EndsWith("(the models are m1, m2, m3, m4, m5, m6, m7, m8 and 2 more; the variants are @default)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_shows_the_hint_on_its_one_line()
    {
        using var study = new SampleStudy(TwoVariants);

        ToolAssert.BadUsage(study.Tool("run", "--only", "@nope"), "no experiment or model labelled '@nope' in the manifest (the models are alpha, beta; the variants are @default, @eps-1e-3)");
    }
}
