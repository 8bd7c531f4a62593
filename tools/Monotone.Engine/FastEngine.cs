using Monotone.Core;
using Monotone.Engine.Fast;

namespace Monotone.Engine;

/// <summary>
/// The exact O(L·n² log n) engine: the same statistics as <see cref="ReferenceEngine"/>
/// (counts equal, floats within rounding), with a vectorised transform and a
/// sort-and-Fenwick count per column (<see cref="ViolationCounter"/>). Layers run in
/// parallel; each worker holds two n×n buffers, whatever the number of heads.
/// </summary>
/// <param name="jobs">Layers analysed at once; 0 means one per processor.</param>
public sealed class FastEngine(int jobs = 0) : IMonotonicityEngine
{
    public string Name => "fast";

    public int Jobs { get; } = jobs > 0 ? jobs : Environment.ProcessorCount;

    public IReadOnlyList<LayerStats> Analyze(
        IAttentionSource tensor,
        AnalysisOptions options,
        IProgress<LayerProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        if (!(options.Epsilon >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Epsilon, "the fast engine needs epsilon >= 0");
        }

        double[][] alibi = StreamedSoftmax.AlibiRows(options.SlopesFor(tensor), tensor.SequenceLength);
        int layers = tensor.Layers;
        var results = new LayerStats[layers];
        int next = -1;
        int done = 0;

        // Each worker keeps its own buffers and takes the next layer until none is left.
        void Work(CancellationToken token)
        {
            var worker = new LayerWorker(tensor.SequenceLength);
            int layer;
            while ((layer = Interlocked.Increment(ref next)) < layers)
            {
                results[layer] = worker.Analyze(tensor, layer, alibi, options, token) with { Layer = layer + 1 };
                lock (results)
                {
                    progress?.Report(new LayerProgress(++done, layers));
                }
            }
        }

        int workers = Math.Min(Jobs, layers);
        ParallelWork.ForEach([.. Enumerable.Range(0, workers)], workers, cancellation, (_, token) => Work(token));
        return results;
    }

    /// <summary>One worker's buffers: the head being read, then C by column; and the sum over heads.</summary>
    private sealed class LayerWorker(int n)
    {
        private readonly double[] head = new double[n * n];
        private readonly double[] sums = new double[n * n];
        private readonly ViolationCounter counter = new(n);

        public LayerStats Analyze(
            IAttentionSource tensor, int layer, double[][] alibi, AnalysisOptions options, CancellationToken cancellation)
        {
            StreamedSoftmax.CumulativeByColumn(tensor, layer, alibi, sums, head, cancellation);
            return counter.Layer(head, options.Epsilon, options.RelativeFloor);
        }
    }
}
