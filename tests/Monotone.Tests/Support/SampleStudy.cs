namespace Monotone.Tests.Support;

/// <summary>A small study in a temporary folder: a manifest with tiny synthetic models.</summary>
public sealed class SampleStudy : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public SampleStudy(string? manifest = null) => WriteManifest(manifest ?? Tiny);

    /// <summary>Two small synthetic models that analyse in milliseconds.</summary>
    public const string Tiny = """
        title: Sample study
        data:
          source: synthetic
        sequence_lengths: [16]
        models:
          - id: org/alpha
            label: alpha
            layers: 3
            heads: 4
          - id: org/beta
            label: beta
            layers: 2
            heads: 3
        """;

    public string Folder => folder.Path;

    /// <summary>A study whose results, figures, appendix and report are all written.</summary>
    public static SampleStudy Built() => new SampleStudy().Ran("run", "figures", "appendix");

    /// <summary>
    /// Runs each of <paramref name="steps"/> (a command with no options: <c>run</c>, <c>repro</c>, ...) on this study
    /// and returns the study, for a test's arrangement (<c>new SampleStudy().Ran("repro")</c>: every result and paper
    /// stage made). The first step that does not exit 0 fails the test with its standard error and removes the study.
    /// </summary>
    public SampleStudy Ran(params string[] steps)
    {
        try
        {
            foreach (string step in steps)
            {
                var (code, _, error) = Tool(step);
                Assert.True(code == 0, $"{step}: {error}");
            }
        }
        catch
        {
            Dispose();
            throw;
        }

        return this;
    }

    public string ManifestPath => folder.File("experiments.yaml");

    public string Result(string label, int n) => Path.Combine(Folder, "experiments", label, n.ToString(System.Globalization.CultureInfo.InvariantCulture), "monotonicity.json");

    public void WriteManifest(string text) => File.WriteAllText(ManifestPath, text.Replace("\r\n", "\n", StringComparison.Ordinal));

    public (int ExitCode, string Out, string Error) Tool(params string[] args) =>
        ToolRunner.Run([.. args, "--manifest", ManifestPath]);

    /// <summary>
    /// Runs <paramref name="command"/> with <paramref name="options"/> as a user would: `analyze` on the tensor
    /// file <paramref name="input"/> (it reads no manifest), every other command on this study's manifest.
    /// </summary>
    public (int ExitCode, string Out, string Error) Command(string command, string input, params string[] options) =>
        command == "analyze" ? ToolRunner.Run([command, input, .. options]) : Tool([command, .. options]);

    public void Dispose() => folder.Dispose();
}
