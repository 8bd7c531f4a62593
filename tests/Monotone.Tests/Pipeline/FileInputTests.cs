using System.Text.Json;
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

    /// <summary>A study of <see cref="Manifest"/> (root <c>data</c>) whose one input, at <paramref name="input"/>, is the notebook fixture f32_basic.pt.</summary>
    internal static SampleStudy Study(out string input)
    {
        var study = new SampleStudy(Manifest("data"));
        input = CopyInput(study.Folder, "f32_basic.pt");
        return study;
    }

    /// <summary>Copies a notebook fixture to where <see cref="Manifest"/> (root <c>data</c>) looks for it, in <paramref name="folder"/>; returns its path.</summary>
    internal static string CopyInput(string folder, string fixture)
    {
        string input = Path.Combine(folder, "data", "org_model", "12", "attention_probs_mean.pt");
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        File.Copy(Path.Combine(NotebookCases.Folder, fixture), input);
        return input;
    }

    /// <summary>The one experiment of a `status --json` <paramref name="run"/> that exited 0.</summary>
    private static JsonElement TheExperiment((int ExitCode, string Out, string Error) run)
    {
        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Out);
        return Assert.Single(json.RootElement.GetProperty("experiments").EnumerateArray().ToList()).Clone();
    }

    /// <summary>Where the one experiment of a `status --json` <paramref name="run"/> took its input's fingerprint from: memo, hashed, trusted or generated.</summary>
    internal static string FingerprintOrigin((int ExitCode, string Out, string Error) run) =>
        TheExperiment(run).GetProperty("fingerprint_origin").GetString()!;

    [Fact]
    public void Results_from_files_match_the_notebook_and_record_a_relative_path()
    {
        using var study = Study(out _);

        var (code, _, _) = study.Tool("run");

        Assert.Equal(0, code);
        var result = ResultJson.Read(study.Result("model", 12));
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("f32_basic")), result.Layers);
        Assert.Equal("data/org_model/12/attention_probs_mean.pt", result.Input.Path);
    }

    [Fact]
    public void A_changed_input_is_named_in_status_and_reanalysed()
    {
        using var study = Study(out string input).Ran("run");

        File.Copy(Path.Combine(NotebookCases.Folder, "view_offset.pt"), input, overwrite: true);
        var status = study.Tool("status");
        var run = study.Tool("run");

        RunAssert.StatusSays(status, 0, "model/12  stale: input changed: xxh128:");
        RunAssert.Logged(run, 0, "monotone: 1 analysed");
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("view_offset")), ResultJson.Read(study.Result("model", 12)).Layers);
    }

    [Fact]
    public void Fingerprints_are_remembered_and_a_fresh_clone_hashes_its_inputs()
    {
        using var study = Study(out _).Ran("run");

        var remembered = study.Tool("status", "--json");
        Directory.Delete(Path.Combine(study.Folder, ".monotone"), recursive: true);
        var freshClone = study.Tool("status", "--json");
        var again = study.Tool("status", "--json");
        var rehashed = study.Tool("status", "--json", "--rehash");

        // Hashed where the memo is gone or --rehash asks, from the memo otherwise; the input unchanged throughout.
        Assert.Equal(["memo", "hashed", "memo", "hashed"], new[] { remembered, freshClone, again, rehashed }.Select(FingerprintOrigin));
        Assert.True(TheExperiment(rehashed).GetProperty("fresh").GetBoolean());
    }

    [Fact]
    public void A_missing_input_fails_with_the_models_line()
    {
        using var study = Study(out string input);
        File.Delete(input);

        var (code, _, error) = study.Tool("run");

        Assert.Equal(2, code);
        Assert.StartsWith($"{study.ManifestPath}(6,5): error MONO007: model/12: input not found: {input}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shape_unlike_the_manifests_fails_with_the_models_line()
    {
        using var study = Study(out _);
        study.WriteManifest(Manifest("data").Replace("layers: 3", "layers: 32", StringComparison.Ordinal));

        var run = study.Tool("run");

        RunAssert.Logged(run, 2, "(6,5): error MONO008: model/12: ", "has 3 layers, but the manifest says 32");
        Assert.False(File.Exists(study.Result("model", 12)));
    }
}
