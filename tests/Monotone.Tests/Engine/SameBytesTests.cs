using System.Diagnostics;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Engine;

/// <summary>
/// The fast engine writes the same result bytes whatever SIMD instructions the processor
/// offers and however many jobs run (docs/record.md). Each setting runs the tool as a child
/// process, since .NET reads the DOTNET_Enable* switches once, at start-up.
/// </summary>
public class SameBytesTests
{
    // Two sequence lengths: 37 ends rows in a partial vector, 64 fills whole ones.
    private const string Manifest = """
        title: Same bytes
        data:
          source: synthetic
        sequence_lengths: [37, 64]
        models:
          - id: org/deep
            label: deep
            layers: 5
            heads: 6
        """;

    [Fact]
    public void Results_are_byte_identical_with_and_without_AVX512_AVX2_or_any_SIMD_and_for_any_job_count()
    {
        (string Name, int Jobs, string? Switch)[] settings =
        [
            ("default, 1 job", 1, null),
            ("default, 3 jobs", 3, null),
            ("no AVX-512", 2, "DOTNET_EnableAVX512F"),
            ("no AVX2", 2, "DOTNET_EnableAVX2"),
            ("no SIMD", 1, "DOTNET_EnableHWIntrinsic"),
        ];

        var outputs = settings.Select(s => (s.Name, Files: RunChild(s.Jobs, s.Switch))).ToList();

        var (firstName, first) = outputs[0];
        Assert.Equal(2, first.Count);
        foreach (var (name, files) in outputs.Skip(1))
        {
            foreach (var (file, bytes) in first)
            {
                Assert.True(bytes.SequenceEqual(files[file]), $"{file}: '{name}' wrote other bytes than '{firstName}'");
            }
        }
    }

    [Theory]
    [InlineData("f32_basic")]
    [InlineData("heads12_notebook_slopes")]
    [InlineData("transposed")]
    public void Without_AVX512_the_tool_reproduces_the_notebook_end_to_end(string name)
    {
        // The portable carrier (four Vector128) in a whole `analyze` run, against PyTorch's numbers.
        var testCase = NotebookCases.Get(name);
        using var folder = new TemporaryFolder();
        string output = folder.File("r.json");

        Tool("DOTNET_EnableAVX512F", "analyze", NotebookCases.PathOf(testCase), "--engine", "fast", "-o", output);

        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(testCase), ResultJson.Read(output).Layers);
    }

    private static Dictionary<string, byte[]> RunChild(int jobs, string? disabled)
    {
        using var study = new SampleStudy(Manifest);
        Tool(disabled, "run", "--manifest", study.ManifestPath, "--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--engine", "fast");
        return new[] { 37, 64 }.ToDictionary(n => $"deep/{n}", n => File.ReadAllBytes(study.Result("deep", n)));
    }

    /// <summary>Runs the built tool as a child process with <paramref name="disabled"/> (a DOTNET_Enable* switch) set to 0.</summary>
    private static void Tool(string? disabled, params string[] args)
    {
        var start = ToolRunner.ChildProcess(args);
        foreach (string name in new[] { "DOTNET_EnableAVX512F", "DOTNET_EnableAVX2", "DOTNET_EnableHWIntrinsic" })
        {
            start.Environment.Remove(name);
        }

        if (disabled is not null)
        {
            start.Environment[disabled] = "0";
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{disabled ?? "default"}: exit {process.ExitCode}: {error}{output.Result}");
    }
}
