namespace Monotone.Tests.Build;

/// <summary>What a build log of the pipeline must show, shared by the in-repository and package tests.</summary>
internal static class PipelineLog
{
    /// <summary>A build after an unchanged one: every pipeline target skipped, the tool never started.</summary>
    /// <param name="toolCommand">Text of the tool's command line that must not appear ("dotnet-monotone.dll\" run").</param>
    public static void RanNothing((int ExitCode, string Log) build, string toolCommand)
    {
        Assert.True(build.ExitCode == 0, build.Log);
        foreach (string target in new[] { "MonotoneAnalyze", "MonotoneFigures", "MonotoneAppendix" })
        {
            Assert.Contains($"Skipping target \"{target}\" because all output files are up-to-date", build.Log, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(toolCommand, build.Log, StringComparison.Ordinal);
    }

    /// <summary>A build after SampleStudy.Tiny gained the model gamma: only gamma analysed.</summary>
    public static void AnalysedOnlyGamma((int ExitCode, string Log) build)
    {
        Assert.True(build.ExitCode == 0, build.Log);
        Assert.Contains("gamma/16: analysing", build.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("alpha/16", build.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("beta/16", build.Log, StringComparison.Ordinal);
    }
}
