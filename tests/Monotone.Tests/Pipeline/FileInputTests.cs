using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>Real tensor files in the upstream layout: fingerprints, the memo, and what makes a result stale.</summary>
public class FileInputTests
{
    /// <summary>
    /// A manifest with one 3-layer, 4-head model whose n = 12 tensor is a real file under <paramref name="root"/>,
    /// named <paramref name="file"/> where one is given (the data settings' <c>file</c>).
    /// </summary>
    internal static string Manifest(string root, string? file = null) => $"""
        data:
          source: files
          root: {root}{(file is null ? "" : $"\n  file: {file}")}
        sequence_lengths: [12]
        models:
          - id: org/model
            label: model
            layers: 3
            heads: 4
        """;

    private static (SampleStudy Study, string Input) Setup()
    {
        var study = new SampleStudy("models: []");
        string input = CopyInput(study.Folder, "f32_basic.pt");
        study.WriteManifest(Manifest("data"));
        return (study, input);
    }

    /// <summary>Copies a notebook fixture to where <see cref="Manifest"/> (root <c>data</c>) looks for it, in <paramref name="folder"/>; returns its path.</summary>
    internal static string CopyInput(string folder, string fixture)
    {
        string input = Path.Combine(folder, "data", "org_model", "12", "attention_probs_mean.pt");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.Copy(Path.Combine(NotebookCases.Folder, fixture), input);
        return input;
    }

    [Fact]
    public void Results_from_files_match_the_notebook_and_record_a_relative_path()
    {
        var (study, _) = Setup();
        using var _ = study;

        var (code, _, _) = study.Tool("run");

        Assert.Equal(0, code);
        var result = ResultJson.Read(study.Result("model", 12));
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("f32_basic")), result.Layers);
        Assert.Equal("data/org_model/12/attention_probs_mean.pt", result.Input.Path);
    }

    [Fact]
    public void A_changed_input_is_named_in_status_and_reanalysed()
    {
        var (study, input) = Setup();
        using var _ = study;
        study.Tool("run");

        File.Copy(Path.Combine(NotebookCases.Folder, "view_offset.pt"), input, overwrite: true);
        var status = study.Tool("status");
        var run = study.Tool("run");

        Assert.Contains("model/12  stale: input changed: xxh128:", status.Out, StringComparison.Ordinal);
        Assert.Contains("monotone: 1 analysed", run.Error, StringComparison.Ordinal);
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("view_offset")), ResultJson.Read(study.Result("model", 12)).Layers);
    }

    [Fact]
    public void Fingerprints_are_remembered_and_a_fresh_clone_hashes_its_inputs()
    {
        var (study, _) = Setup();
        using var _ = study;
        study.Tool("run");

        var remembered = study.Tool("status", "--json");
        Directory.Delete(Path.Combine(study.Folder, ".monotone"), recursive: true);
        var freshClone = study.Tool("status", "--json");
        var again = study.Tool("status", "--json");
        var rehashed = study.Tool("status", "--json", "--rehash");

        Assert.Contains("\"fingerprint_origin\": \"memo\"", remembered.Out, StringComparison.Ordinal);
        Assert.Contains("\"fingerprint_origin\": \"hashed\"", freshClone.Out, StringComparison.Ordinal);
        Assert.Contains("\"fingerprint_origin\": \"memo\"", again.Out, StringComparison.Ordinal);
        Assert.Contains("\"fingerprint_origin\": \"hashed\"", rehashed.Out, StringComparison.Ordinal);
        Assert.Contains("\"fresh\": true", rehashed.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_fails_with_the_models_line()
    {
        var (study, input) = Setup();
        using var _ = study;
        File.Delete(input);

        var (code, _, error) = study.Tool("run");

        Assert.Equal(2, code);
        Assert.StartsWith($"{study.ManifestPath}(6,5): error MONO007: model/12: input not found: {input}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shape_unlike_the_manifests_fails_with_the_models_line()
    {
        var (study, _) = Setup();
        using var _ = study;
        study.WriteManifest(Manifest("data").Replace("layers: 3", "layers: 32", StringComparison.Ordinal));

        var (code, _, error) = study.Tool("run");

        Assert.Equal(2, code);
        Assert.Contains("(6,5): error MONO008: model/12: ", error, StringComparison.Ordinal);
        Assert.Contains("has 3 layers, but the manifest says 32", error, StringComparison.Ordinal);
        Assert.False(File.Exists(study.Result("model", 12)));
    }
}
