using Monotone.Core;
using Monotone.Manifest;
using Monotone.Tests.Support;

namespace Monotone.Tests.Manifest;

public class ManifestReaderTests
{
    private static readonly string[] Engines = ["reference", "other"];

    private static Monotone.Manifest.Manifest Read(string yaml, Func<string, string?>? environment = null) =>
        ManifestAssert.Read(yaml, Engines, environment);

    private static ManifestException Fails(string yaml, Func<string, string?>? environment = null) =>
        ManifestAssert.Fails(yaml, Engines, environment);

    [Fact]
    public void The_shipped_manifest_lists_the_notebooks_five_models_as_synthetic()
    {
        string shipped = Path.Combine(RepositoryRoot.Path, "experiments.yaml");

        var manifest = ManifestReader.Read(shipped, Engines);

        Assert.Equal(["mpt-7b", "bloom-176b", "bloom-7b", "falcon-rw-7b", "mpt-30b"], manifest.Models.Select(m => m.Label));
        Assert.Equal([32, 70, 30, 36, 48], manifest.Models.Select(m => m.Layers!.Value));
        Assert.Equal([32, 112, 32, 64, 64], manifest.Models.Select(m => m.Heads!.Value));
        Assert.Equal("bigscience_bloom-7b1", manifest.Models[2].FolderName);
        Assert.All(manifest.Models, m => Assert.Equal(DataSource.Synthetic, m.Settings.Source));
        Assert.All(manifest.Models, m => Assert.Equal([256], m.Settings.SequenceLengths));
    }

    [Fact]
    public void A_misspelt_key_names_its_line_and_column_and_the_key_meant()
    {
        var error = ManifestAssert.Refused(Fails("""
            data:
              source: synthetic
            analysis:
              epsilom: 1e-6
            models: []
            """), DiagnosticCodes.Manifest.UnknownKey, new SourceLocation(4, 3));
        Assert.EndsWith("experiments.yaml(4,3): error MONO002: unknown key 'epsilom' in analysis (did you mean 'epsilon'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_far_from_any_lists_the_known_ones()
    {
        var error = Fails("flavour: vanilla\nmodels: []\n");

        Assert.Equal(new SourceLocation(1, 1), error.Location);
        Assert.Contains("known keys: title, authors", error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analysis:\n  epsilon: small\n", 2, 12, DiagnosticCodes.Manifest.InvalidValue, "epsilon must be a number")]
    [InlineData("analysis:\n  relative_floor: -1\n", 2, 19, DiagnosticCodes.Manifest.InvalidValue, "relative_floor must be a number >= 0")]
    [InlineData("analysis:\n  slopes: alibi\n", 2, 11, DiagnosticCodes.Manifest.InvalidValue, "slopes must be notebook, bloom, mpt")]
    [InlineData("analysis:\n  engine: quantum\n", 2, 11, DiagnosticCodes.Manifest.InvalidValue, "unknown engine 'quantum' (choose reference, other)")]
    [InlineData("sequence_lengths: 256\n", 1, 19, DiagnosticCodes.Manifest.InvalidValue, "sequence_lengths must be a list")]
    [InlineData("sequence_lengths: [0]\n", 1, 20, DiagnosticCodes.Manifest.InvalidValue, "whole number >= 1")]
    [InlineData("data:\n  source: cloud\n", 2, 11, DiagnosticCodes.Manifest.InvalidValue, "source must be 'files' or 'synthetic'")]
    [InlineData("data:\n  source: files\n  root: /x\n  layout: '{root}/{model}'\n", 4, 11, DiagnosticCodes.Manifest.InvalidValue, "layout placeholder {model}")]
    [InlineData("figures:\n  show_std_error: maybe\n", 2, 19, DiagnosticCodes.Manifest.InvalidValue, "true or false")]
    [InlineData("title: 'unterminated\n", 1, 8, DiagnosticCodes.Manifest.Syntax, "")]
    [InlineData("title: a\ntitle: b\nmodels: []\n", 2, 1, DiagnosticCodes.Manifest.Duplicate, "Duplicate key")]
    public void Wrong_values_point_at_the_value(string top, int line, int column, string code, string message)
    {
        string data = top.Contains("data:", StringComparison.Ordinal) ? "" : "data: { source: synthetic }\n";
        ManifestAssert.Refused(Fails(top + data + "models:\n  - id: a/b\n    layers: 1\n    heads: 1\n"), code, new SourceLocation(line, column), message);
    }

    [Fact]
    public void Duplicate_labels_name_the_first_use()
    {
        var error = Fails("""
            data: { source: synthetic }
            models:
              - { id: a/x, label: same, layers: 1, heads: 1 }
              - { id: b/x, label: same, layers: 1, heads: 1 }
            """);

        Assert.Equal(DiagnosticCodes.Manifest.Duplicate, error.Code);
        Assert.Equal(4, error.Location.Line);
        Assert.Contains("as the model at line 3", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Synthetic_models_need_their_shape()
    {
        ManifestAssert.Refused(Fails("data: { source: synthetic }\nmodels:\n  - id: a/x\n"), DiagnosticCodes.Manifest.MissingKey, new SourceLocation(3, 5));
    }

    [Fact]
    public void Per_model_settings_override_the_manifests_key_by_key()
    {
        var manifest = Read("""
            data:
              source: files
              root: /data
            sequence_lengths: [64, 256]
            analysis:
              slopes: bloom
              epsilon: 1e-8
            models:
              - id: org/plain
              - id: org/special
                sequence_lengths: [512]
                data:
                  file: attention_probs_var.pt
                analysis:
                  epsilon: 1e-6
            """);

        var plain = manifest.Models[0].Settings;
        var special = manifest.Models[1].Settings;
        Assert.Equal("plain", manifest.Models[0].Label);
        Assert.Equal([64, 256], plain.SequenceLengths);
        Assert.Equal([512], special.SequenceLengths);
        Assert.Equal(ManifestReader.DefaultFile, plain.File);
        Assert.Equal("attention_probs_var.pt", special.File);
        Assert.Equal(1e-8, plain.Analysis.Epsilon);
        Assert.Equal(1e-6, special.Analysis.Epsilon);
        Assert.Equal(SlopeSpec.Bloom, special.Analysis.Slopes);
        Assert.Equal(AnalysisOptions.NotebookRelativeFloor, special.Analysis.RelativeFloor);
        Assert.Equal("/data", special.Root);
    }

    [Theory]
    [InlineData("${DATA:-/default}", null, "/default")]
    [InlineData("${DATA:-/default}", "/set", "/set")]
    [InlineData("${DATA}/sub", "/set", "/set/sub")]
    public void Environment_variables_expand_with_defaults(string root, string? value, string expected)
    {
        var manifest = Read($"data:\n  root: \"{root}\"\nmodels:\n  - id: a/b\n", name => name == "DATA" ? value : null);

        Assert.Equal(expected, manifest.Models[0].Settings.Root);
    }

    [Fact]
    public void An_unset_variable_without_default_is_an_error_at_its_line()
    {
        ManifestAssert.Refused(Fails("data:\n  root: ${NOPE}/x\nmodels:\n  - id: a/b\n"), DiagnosticCodes.Manifest.UnsetVariable, new SourceLocation(2, 9), "NOPE");
    }

    [Fact]
    public void Real_files_need_a_data_root()
    {
        var error = Fails("models:\n  - id: a/b\n");

        Assert.Equal(DiagnosticCodes.Manifest.MissingKey, error.Code);
        Assert.Contains("data root", error.Problem, StringComparison.Ordinal);
    }
}
