using Monotone.Manifest;
using Monotone.Tests.Support;

namespace Monotone.Tests.Build;

/// <summary>
/// The plan runs in a task host, where a crash leaves `dotnet build` waiting with no output
/// (issue 11): a hostile manifest must end the build with one canonical error line.
/// </summary>
public class PlanPipelineLimitTests
{
    [Fact]
    public void A_manifest_nested_50000_levels_fails_the_build_with_one_line_and_does_not_hang()
    {
        using var sample = new SampleRepository(SampleStudy.Tiny + "\nextra: " + new string('[', 50_000) + new string(']', 50_000) + "\n");

        var (code, log) = sample.Dotnet("build");

        Assert.True(code == 1, log);
        Assert.Contains(
            $"{Path.Combine(sample.Folder, "experiments.yaml")}(14,{8 + ManifestLimits.MaxDepth - 1}): error MONO009: mappings and lists nest more than {ManifestLimits.MaxDepth} levels deep",
            log,
            StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(sample.Folder, "experiments")));
    }
}
