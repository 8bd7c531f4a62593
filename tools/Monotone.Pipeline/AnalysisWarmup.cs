using Monotone.Core;
using Monotone.Engine;
using Monotone.Results;
using Monotone.TensorInput.Synthetic;

namespace Monotone.Pipeline;

/// <summary>
/// Gets the code of an analysis compiled on a spare core while a command is still starting up:
/// a rehearsal analyses a small generated tensor with the fast engine and writes its result to
/// bytes, and throws both away.
/// </summary>
/// <remarks>
/// The when of the tool's one warm-up mechanism (docs/performance.md, "Warm-up"); the how is
/// <c>TieredCompilationQuickJitForLoops</c>, which has every method with a loop compiled
/// optimised on its first call. Without the rehearsal, that first call of each kernel, and the
/// result writer's first use, fall on the critical path of a short analysis, while the second
/// core waits for the command line to be built and the input's header to be read. With it,
/// `analyze` on the mpt-7b shape at n = 256 takes about 30 ms less (docs/building.md, "Start-up").
/// Nothing it does is visible: no file, no output, no shared state beyond compiled code.
/// </remarks>
public static class AnalysisWarmup
{
    /// <summary>Starts the rehearsal on a thread-pool thread and returns at once.</summary>
    public static void Start() => ThreadPool.UnsafeQueueUserWorkItem(static _ => RehearseQuietly(), null);

    /// <summary>
    /// Analyses one layer of two generated heads at n = 48 (long enough for every kernel's
    /// vector and sorting paths) and returns the result file's bytes.
    /// </summary>
    internal static byte[] Rehearse()
    {
        var source = new SyntheticAttention("warm-up", layers: 1, heads: 2, sequenceLength: 48, seed: 0);
        var input = new InputIdentity(Tensor: null, source.Fingerprint(), source.Bytes);
        var result = ResultBuilder.Analyze(source, input, new AnalysisOptions(), new FastEngine(jobs: 1));
        return ResultJson.ToBytes(result);
    }

    // A failed rehearsal costs only speed: the real analysis meets the same problem, if it is
    // one, and reports it. An exception left to escape a thread-pool thread would end the process.
#pragma warning disable CA1031
    private static void RehearseQuietly()
    {
        try
        {
            Rehearse();
        }
        catch (Exception)
        {
        }
    }
#pragma warning restore CA1031
}
