using Monotone.Core;
using Monotone.Engine;
using Monotone.Tests.Support;
using static Monotone.Tests.Support.RandomAttention;

namespace Monotone.Tests.Engine;

/// <summary>The fast engine against the reference engine on random inputs of many shapes and kinds.</summary>
public class FastEngineTests
{
    public static TheoryData<Kind, int, int, int, int> RandomCases()
    {
        var data = new TheoryData<Kind, int, int, int, int>();
        int[] lengths = [1, 2, 3, 5, 8, 13, 32, 47];
        int[] headCounts = [1, 3, 4, 6, 12];
        int seed = 0;
        foreach (var kind in Enum.GetValues<Kind>())
        {
            foreach (int n in lengths)
            {
                seed++;
                data.Add(kind, seed, 1 + (seed % 3), headCounts[seed % headCounts.Length], n);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RandomCases))]
    public void Equals_the_reference_engine(Kind kind, int seed, int layers, int heads, int n)
    {
        var source = RandomAttention.Create(kind, seed, layers, heads, n);

        var expected = new ReferenceEngine().Analyze(source, new AnalysisOptions());
        var actual = new FastEngine(jobs: 2).Analyze(source, new AnalysisOptions());

        NotebookAgreement.AssertEqual(expected, actual);
    }

    [Theory]
    [InlineData(1e-6, 1e-3, "notebook")]
    [InlineData(1e-12, 0.0, "bloom")]
    [InlineData(0.01, 1.0, "0.9,0.5,0.1")]
    public void Equals_the_reference_engine_with_other_options(double epsilon, double floor, string slopes)
    {
        var source = RandomAttention.Create(Kind.Sink, 7, 2, 3, 24);
        var options = new AnalysisOptions { Epsilon = epsilon, RelativeFloor = floor, Slopes = SlopeSpec.Parse(slopes) };

        NotebookAgreement.AssertEqual(
            new ReferenceEngine().Analyze(source, options),
            new FastEngine().Analyze(source, options));
    }

    [Fact]
    public void Results_do_not_depend_on_the_number_of_jobs()
    {
        var source = RandomAttention.Create(Kind.LogNormal, 11, 5, 4, 40);

        var one = new FastEngine(jobs: 1).Analyze(source, new AnalysisOptions());
        var three = new FastEngine(jobs: 3).Analyze(source, new AnalysisOptions());

        Assert.Equal(one, three);
        Assert.Equal([1, 2, 3, 4, 5], three.Select(s => s.Layer));
    }

    [Fact]
    public void Reports_progress_once_per_layer()
    {
        var source = RandomAttention.Create(Kind.Uniform, 1, 6, 2, 8);
        var seen = new List<LayerProgress>();

        new FastEngine(jobs: 2).Analyze(source, new AnalysisOptions(), new SynchronousProgress(seen.Add));

        Assert.Equal(Enumerable.Range(1, 6), seen.Select(p => p.LayersDone));
        Assert.All(seen, p => Assert.Equal(6, p.Layers));
    }

    [Fact]
    public void A_non_finite_value_in_a_later_layer_is_bad_input_naming_its_place()
    {
        var source = RandomAttention.Create(Kind.LogNormal, 3, 4, 2, 6);
        source.Values[(((3 * 2) + 1) * 36) + (4 * 6) + 2] = double.NaN; // layer 3, head 1, query 4, key 2

        var fast = Assert.Throws<BadInputException>(() => new FastEngine(jobs: 2).Analyze(source, new AnalysisOptions()));
        var reference = Assert.Throws<BadInputException>(() => new ReferenceEngine().Analyze(source, new AnalysisOptions()));

        Assert.Equal(reference.Message, fast.Message);
        Assert.Contains("[3, 1, 4, 2]", fast.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancellation_stops_the_workers()
    {
        var source = RandomAttention.Create(Kind.LogNormal, 5, 3, 2, 8);

        Assert.ThrowsAny<OperationCanceledException>(
            () => new FastEngine(jobs: 2).Analyze(source, new AnalysisOptions(), cancellation: new CancellationToken(canceled: true)));
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests want the reports in hand when Analyze returns.</summary>
    private sealed class SynchronousProgress(Action<LayerProgress> report) : IProgress<LayerProgress>
    {
        public void Report(LayerProgress value) => report(value);
    }
}
