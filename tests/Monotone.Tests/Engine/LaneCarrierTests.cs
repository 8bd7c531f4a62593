using Monotone.Core;
using Monotone.Engine;
using Monotone.Engine.Fast;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.Engine;

/// <summary>
/// Steps 1-8 of docs/design.md §1 as the fast engine runs them, with each way of carrying the
/// row kernel's eight lanes forced in process, against every PyTorch-written fixture. The
/// four-Vector128 carrier is what every processor without AVX-512 runs; the engine itself
/// picks Vector512 on an AVX-512 machine such as the one these tests are written on, so
/// without this test the portable path would be checked there only through SameBytesTests'
/// child processes.
/// </summary>
public class LaneCarrierTests
{
    [Theory]
    [MemberData(nameof(NotebookCases.Valid), MemberType = typeof(NotebookCases))]
    public void Four_Vector128_lanes_reproduce_the_notebook_and_the_engine_bit_for_bit(string name) =>
        AssertReproduces<Lanes128>(name);

    [Theory]
    [MemberData(nameof(NotebookCases.Valid), MemberType = typeof(NotebookCases))]
    public void One_Vector512_reproduces_the_notebook_and_the_engine_bit_for_bit(string name) =>
        AssertReproduces<Lanes512>(name);

    private static void AssertReproduces<T>(string name)
        where T : struct, IEightLanes<T>
    {
        var testCase = NotebookCases.Get(name);
        using var tensor = AttentionTensor.Open(NotebookCases.PathOf(testCase), NotebookCases.TensorOf(testCase));
        var options = NotebookCases.OptionsOf(testCase);
        int n = tensor.SequenceLength;
        var alibi = StreamedSoftmax.AlibiRows(options.SlopesFor(tensor), n);
        var sums = new double[n * n];
        var columns = new double[n * n];
        var counter = new ViolationCounter(n);

        var layers = new LayerStats[tensor.Layers];
        for (int layer = 0; layer < tensor.Layers; layer++)
        {
            StreamedSoftmax.CumulativeByColumn<T>(tensor, layer, alibi, sums, columns, CancellationToken.None);
            layers[layer] = counter.Layer(columns, options.Epsilon, options.RelativeFloor) with { Layer = layer + 1 };
        }

        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(testCase), layers);
        Assert.Equal(new FastEngine(jobs: 1).Analyze(tensor, options), layers);
    }
}
