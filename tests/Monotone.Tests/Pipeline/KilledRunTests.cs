using System.Diagnostics;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>A run killed midway leaves no partial result, and the next run completes the work.</summary>
public class KilledRunTests
{
    private const string Study = """
        data: { source: synthetic }
        analysis: { engine: reference }
        models:
          - { id: org/quick, label: quick, layers: 2, heads: 2, sequence_lengths: [16] }
          - { id: org/slow, label: slow, layers: 400, heads: 4, sequence_lengths: [128] }
        """;

    [Fact]
    public void Killing_a_run_midway_loses_nothing_and_the_next_run_finishes()
    {
        using var study = new SampleStudy(Study);
        using (var run = Process.Start(ToolRunner.ChildProcess("run", "--manifest", study.ManifestPath))!)
        {
            string? line;
            while ((line = run.StandardError.ReadLine()) is not null && !line.StartsWith("slow/128: layer 3/", StringComparison.Ordinal))
            {
            }

            Assert.NotNull(line);
            run.Kill(entireProcessTree: true);
            run.WaitForExit();
        }

        Assert.Equal(2, ResultJson.Read(study.Result("quick", 16)).Layers.Count);
        Assert.False(File.Exists(study.Result("slow", 128)));
        string slowFolder = Path.GetDirectoryName(study.Result("slow", 128))!;
        Assert.True(!Directory.Exists(slowFolder) || Directory.GetFiles(slowFolder, "monotonicity.*").Length == 0);

        var rerun = study.Tool("run");

        RunAssert.Logged(rerun, 0, "monotone: 1 analysed, 1 fresh");
        Assert.Equal(400, ResultJson.Read(study.Result("slow", 128)).Layers.Count);
    }
}
