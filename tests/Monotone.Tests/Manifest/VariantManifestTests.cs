using Monotone.Core;
using Monotone.Manifest;
using Monotone.Tests.Support;

namespace Monotone.Tests.Manifest;

/// <summary>The manifest's <c>variants:</c> (docs/variants.md): what it resolves to, and every refusal with its line and column.</summary>
public class VariantManifestTests
{
    private const string Study = """
        data:
          source: synthetic
        analysis:
          epsilon: 1e-10
        models:
          - { id: org/alpha, label: alpha, layers: 2, heads: 4 }
          - id: org/beta
            label: beta
            layers: 2
            heads: 2
            analysis:
              relative_floor: 1e-3
        """;

    private static Monotone.Manifest.Manifest Read(string variants) => ManifestAssert.Read(Study + "\n" + variants);

    private static ManifestException Fails(string variants) => ManifestAssert.Fails(Study + "\n" + variants);

    [Fact]
    public void A_study_without_variants_has_none()
    {
        Assert.Empty(Read("").Variants);
    }

    [Fact]
    public void A_variants_keys_win_over_the_studys_and_the_models_and_the_rest_is_inherited()
    {
        var manifest = Read("""
            variants:
              - name: eps-1e-6
                analysis:
                  epsilon: 1e-6
              - name: floor-and-slopes
                models: [beta]
                analysis: { relative_floor: 0.5, slopes: bloom }
            """);

        Assert.Equal(["eps-1e-6", "floor-and-slopes"], manifest.Variants.Select(v => v.Name));
        var eps = manifest.Variants[0];
        Assert.Equal(["epsilon"], eps.Keys);
        Assert.Equal(new SourceLocation(14, 5), eps.Location);
        Assert.Equal(["alpha", "beta"], eps.Models.Select(m => m.Label));
        Assert.All(eps.Models, m => Assert.Equal(1e-6, m.Settings.Analysis.Epsilon));
        Assert.Equal(AnalysisOptions.NotebookRelativeFloor, eps.Models[0].Settings.Analysis.RelativeFloor);
        Assert.Equal(1e-3, eps.Models[1].Settings.Analysis.RelativeFloor);

        var other = manifest.Variants[1];
        Assert.Equal(["relative_floor", "slopes"], other.Keys);
        var beta = Assert.Single(other.Models);
        Assert.Equal("beta", beta.Label);
        Assert.Equal(0.5, beta.Settings.Analysis.RelativeFloor);
        Assert.Equal(1e-10, beta.Settings.Analysis.Epsilon);
        Assert.Equal(SlopeSpec.Parse("bloom"), beta.Settings.Analysis.Slopes);

        // The default variant is the models themselves, untouched.
        Assert.Equal(1e-10, manifest.Models[0].Settings.Analysis.Epsilon);
        Assert.Equal(1e-3, manifest.Models[1].Settings.Analysis.RelativeFloor);
    }

    [Theory]
    // Line 13 is "variants:"; its first entry starts at (14,5).
    [InlineData("variants:\n  - name: a\n    analysis: { epsilom: 1e-6 }\n", DiagnosticCodes.Manifest.UnknownKey, 15, 17, "unknown key 'epsilom' in analysis (did you mean 'epsilon'?)")]
    [InlineData("variants:\n  - name: a\n    modles: [alpha]\n    analysis: { epsilon: 1e-6 }\n", DiagnosticCodes.Manifest.UnknownKey, 15, 5, "unknown key 'modles' in a variant entry (did you mean 'models'?)")]
    [InlineData("variants:\n  - name: a\n    analysis: { epsilon: tiny }\n", DiagnosticCodes.Manifest.InvalidValue, 15, 26, "epsilon must be a number")]
    [InlineData("variants:\n  - name: a\n    analysis: { slopes: \"1, 2, 3\" }\n", DiagnosticCodes.Manifest.SlopeCount, 15, 25, "the slope list has 3 values but the model has 4 heads")]
    [InlineData("variants:\n  - name: a\n    analysis: { engine: [a, b] }\n", DiagnosticCodes.Manifest.InvalidValue, 15, 25, "engine must be a single value, not a list")]
    [InlineData("variants:\n  - name: a\n", DiagnosticCodes.Manifest.InvalidValue, 14, 5, "variant 'a' sets no analysis option")]
    [InlineData("variants:\n  - name: a\n    analysis: {}\n", DiagnosticCodes.Manifest.InvalidValue, 15, 15, "variant 'a' sets no analysis option")]
    [InlineData("variants:\n  - name: a\n    models: [alpah]\n    analysis: { epsilon: 1e-6 }\n", DiagnosticCodes.Manifest.InvalidValue, 15, 14, "variant 'a' names no model labelled 'alpah' (did you mean 'alpha'?)")]
    [InlineData("variants:\n  - name: a\n    models: []\n    analysis: { epsilon: 1e-6 }\n", DiagnosticCodes.Manifest.InvalidValue, 15, 13, "lists no models")]
    [InlineData("variants:\n  - name: a\n    models: [beta, beta]\n    analysis: { epsilon: 1e-6 }\n", DiagnosticCodes.Manifest.Duplicate, 15, 20, "lists model 'beta' twice")]
    [InlineData("variants:\n  - name: a\n    analysis: { epsilon: 1e-6 }\n  - name: A\n    analysis: { epsilon: 1e-7 }\n", DiagnosticCodes.Manifest.Duplicate, 16, 11, "variant name 'A' is already used by the variant at line 14")]
    [InlineData("variants:\n  - name: default\n    analysis: { epsilon: 1e-6 }\n", DiagnosticCodes.Manifest.InvalidLabel, 14, 11, "reserved for the study's own options")]
    [InlineData("variants:\n  - name: eps@6\n    analysis: { epsilon: 1e-6 }\n", DiagnosticCodes.Manifest.InvalidLabel, 14, 11, "variant name 'eps@6' names a folder: use letters, digits, '.', '-' and '_' (not '@')")]
    [InlineData("variants:\n  - name: ..\n    analysis: { epsilon: 1e-6 }\n", DiagnosticCodes.Manifest.InvalidLabel, 14, 11, "variant name '..' would name the folder itself or its parent")]
    [InlineData("variants:\n  - name: ~\n    analysis: { epsilon: 1e-6 }\n", DiagnosticCodes.Manifest.InvalidLabel, 14, 11, "variant name is null")]
    [InlineData("variants:\n  - analysis: { epsilon: 1e-6 }\n", DiagnosticCodes.Manifest.MissingKey, 14, 5, "variant entry without 'name'")]
    [InlineData("variants: eps\n", DiagnosticCodes.Manifest.InvalidValue, 13, 11, "variants must be a list")]
    [InlineData("variants:\n  - eps\n", DiagnosticCodes.Manifest.InvalidValue, 14, 5, "a variant entry must be a mapping")]
    public void Every_refusal_names_its_line_column_and_code(string variants, string code, int line, int column, string problem)
    {
        var error = ManifestAssert.Refused(Fails(variants), code, new SourceLocation(line, column), problem);

        Assert.Contains($"experiments.yaml({line},{column}): error {code}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_of_many_bytes_is_refused_as_a_label_of_many_bytes_is()
    {
        string name = new('v', ManifestLimits.MaxLabelBytes + 1);

        ManifestAssert.Refused(
            Fails($"variants:\n  - name: {name}\n    analysis: {{ epsilon: 1e-6 }}\n"),
            DiagnosticCodes.Manifest.InvalidLabel,
            new SourceLocation(14, 11),
            $"variant name is {name.Length} bytes long");
    }
}
