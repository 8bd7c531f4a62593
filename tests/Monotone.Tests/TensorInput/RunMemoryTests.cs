using Monotone.Manifest;
using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>
/// `run` never starts an analysis that cannot fit: sequence lengths past what one machine can
/// hold are refused by the manifest's bound, in one line at their position, before any work
/// (the analysis's own memory check, <c>MemoryRequirement</c>, guards whatever passes it and is
/// tested through <c>analyze</c> in <see cref="HostileInputTests"/>).
/// </summary>
[Collection(nameof(HostileInputTests))]
public class RunMemoryTests
{
    [Theory]
    [InlineData(40000)] // two n×n float64 buffers alone: 25.6 GB
    [InlineData(60000)] // past what one .NET array can hold (n at most 46340)
    public void A_sequence_length_too_large_for_memory_is_refused_before_it_runs(int n)
    {
        using var study = new SampleStudy(SampleStudy.Tiny.Replace("[16]", $"[{n}]", StringComparison.Ordinal));

        var (code, _, error) = ToolRunner.RunBounded("run", "--manifest", study.ManifestPath);

        Assert.Equal(2, code);
        Assert.Contains($"error MONO009: ", error, StringComparison.Ordinal);
        Assert.Contains($"{n}", error, StringComparison.Ordinal);
        Assert.Contains($"{ManifestLimits.MaxSequenceLength}", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(study.Result("alpha", n)));
    }
}
