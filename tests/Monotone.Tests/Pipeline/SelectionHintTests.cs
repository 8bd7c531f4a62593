using Monotone.Manifest;
using Monotone.Pipeline;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// A <c>--only</c> name that matches nothing says what was probably meant, or which models and
/// variants there are, so that a researcher never has to open experiments.yaml to find the spelling
/// (the names of each form: VariantTests).
/// </summary>
public sealed class SelectionHintTests
{
    [Fact]
    public void A_long_list_of_models_is_cut_after_eight()
    {
        string models = string.Concat(Enumerable.Range(1, 10).Select(i => $"\n  - id: org/m{i}\n    label: m{i}\n    layers: 1\n    heads: 1"));
        using var study = new SampleStudy($"title: Many\ndata:\n  source: synthetic\nsequence_lengths: [4]\nmodels:{models}\n");
        var experiments = ExperimentPlan.From(ManifestReader.Read(study.ManifestPath, []));

        var error = Assert.Throws<UsageException>(() => ExperimentPlan.Only(experiments, ["@x"]));

        Assert.EndsWith("(the models are m1, m2, m3, m4, m5, m6, m7, m8 and 2 more; the sequence lengths are 4; the variants are @default)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_shows_the_hint_on_its_one_line()
    {
        using var study = new SampleStudy(VariantTests.TwoVariants);

        ToolAssert.BadUsage(study.Tool("run", "--only", "@nope"), "nothing in the manifest is named '@nope' (the models are alpha, beta; the sequence lengths are 16; the variants are @default, @eps-1e-3)");
    }
}
