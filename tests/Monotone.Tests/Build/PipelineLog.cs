namespace Monotone.Tests.Build;

/// <summary>What a build of the pipeline must have done, shared by the in-repository and package tests.</summary>
internal static class PipelineLog
{
    /// <summary>A build after an unchanged one: the tool never started and no output file changed (bytes and times).</summary>
    /// <param name="toolCommand">The tool's command line, which must not appear ("dotnet-monotone.dll\"").</param>
    /// <param name="before">The study's outputs before the build.</param>
    /// <param name="after">The study's outputs right after it.</param>
    public static void RanNothing((int ExitCode, string Log) build, string toolCommand, OutputFiles before, OutputFiles after)
    {
        Assert.True(build.ExitCode == 0, build.Log);
        Assert.DoesNotContain(toolCommand, build.Log, StringComparison.Ordinal);
        after.AssertUnchangedSince(before, build.Log);
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
