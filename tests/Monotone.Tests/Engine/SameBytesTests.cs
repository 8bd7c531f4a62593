using System.Diagnostics;
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

    private static Dictionary<string, byte[]> RunChild(int jobs, string? disabled)
    {
        using var study = new SampleStudy(Manifest);
        string tool = Path.Combine(AppContext.BaseDirectory, "dotnet-monotone.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { tool, "run", "--manifest", study.ManifestPath, "--jobs", jobs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--engine", "fast" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
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
        return new[] { 37, 64 }.ToDictionary(n => $"deep/{n}", n => File.ReadAllBytes(study.Result("deep", n)));
    }
}
