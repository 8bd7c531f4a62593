using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>`run` checks each analysis's memory before it starts, whatever the input's source.</summary>
[Collection(nameof(HostileInputTests))]
public class RunMemoryTests
{
    // n = 40,000 needs at least two n×n float64 buffers, 25.6 GB.
    [NeedsLessMemoryThanFact(gibibytes: 23)]
    public void A_synthetic_experiment_too_large_for_memory_is_refused_before_it_runs()
    {
        // Values that a bound on the manifest's sizes alone might let through.
        using var study = new SampleStudy("""
            title: Too large
            data:
              source: synthetic
            sequence_lengths: [40000]
            models:
              - id: org/huge
                label: huge
                layers: 1
                heads: 1
            """);

        var (code, _, error) = HostileInputTests.RunBounded("run", "--manifest", study.ManifestPath);

        Assert.Equal(2, code);
        Assert.Contains("needs", error, StringComparison.Ordinal);
        Assert.Contains("of memory", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(study.Result("huge", 40000)));
    }

    [Fact]
    public void A_synthetic_head_too_large_for_one_array_is_refused_before_it_runs()
    {
        using var study = new SampleStudy(SampleStudy.Tiny.Replace("[16]", "[60000]", StringComparison.Ordinal));

        var (code, _, error) = HostileInputTests.RunBounded("run", "--manifest", study.ManifestPath);

        Assert.Equal(2, code);
        Assert.Contains("sequence length 60000 is too large: an n×n head must fit one array (n at most 46340)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
