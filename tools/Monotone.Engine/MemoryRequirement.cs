using System.Globalization;
using Monotone.Core;

namespace Monotone.Engine;

/// <summary>
/// The memory an analysis will hold, from the tensor's shape and the engine, checked against
/// the memory the machine has available before the analysis starts: a shape no machine can
/// analyse (a 300-byte file may declare [1, 2^31 - 1, 2, 2] with zero strides) is refused in
/// one line with the numbers, not with an out-of-memory abort half-way.
/// </summary>
/// <remarks>
/// What each engine allocates (bytes; H heads, n the sequence length, s the stored element size):
/// <list type="bullet">
/// <item>every engine: the slopes, 8·H; one <see cref="LayerStats"/> per layer, about 128·L with
/// its reference and what the result JSON holds of it; the head being read, up to 2·n²·s in a
/// pooled buffer (the file reader's <c>AttentionTensor.ReadHead</c>) per worker.</item>
/// <item><see cref="FastEngine"/>: the ALiBi rows, H·(8·n + 32), shared; per worker (one per layer
/// analysed at once, at most <see cref="FastEngine.Jobs"/>) two n×n float64 buffers, 16·n², and
/// the violation counter's O(n) arrays, about 96·n + 8 KiB.</item>
/// <item><see cref="ReferenceEngine"/> (and any other engine's host side): two n×n float64
/// buffers, 16·n², one worker.</item>
/// </list>
/// The runtime, the file's map and the results are not counted: the check refuses what cannot
/// fit, it does not promise that what passes will.
/// </remarks>
public static class MemoryRequirement
{
    private const long ArrayOverhead = 32;

    /// <summary>The bytes <paramref name="engine"/> allocates to analyse <paramref name="tensor"/>.</summary>
    public static long Bytes(IAttentionSource tensor, IMonotonicityEngine engine)
    {
        var (shared, perWorker, workers) = Parts(tensor, engine);
        return Plus(shared, Times(perWorker, workers));
    }

    /// <summary>Refuses an analysis that needs more memory than is available now.</summary>
    /// <exception cref="BadInputException"><see cref="DiagnosticCodes.Input.Memory"/>, naming the tensor's path, the need and what is available.</exception>
    public static void Check(IAttentionSource tensor, IMonotonicityEngine engine) => Check(tensor, engine, Available());

    /// <param name="available">Bytes available, from <see cref="Available"/> or a test.</param>
    public static void Check(IAttentionSource tensor, IMonotonicityEngine engine, long available)
    {
        // Engines hold a head in one array of n·n doubles; a file's reader refuses larger heads
        // already, a generated source is checked here.
        if ((long)tensor.SequenceLength * tensor.SequenceLength > Array.MaxLength)
        {
            throw new BadInputException(
                DiagnosticCodes.Input.Shape,
                tensor.Path,
                $"sequence length {tensor.SequenceLength} is too large: an n×n head must fit one array (n at most {(int)Math.Sqrt(Array.MaxLength)})");
        }

        var (shared, perWorker, workers) = Parts(tensor, engine);
        long needed = Plus(shared, Times(perWorker, workers));
        if (needed <= available)
        {
            return;
        }

        string shape = $"[{tensor.Layers}, {tensor.Heads}, {tensor.SequenceLength}, {tensor.SequenceLength}]";
        string advice = workers > 1 && Plus(shared, perWorker) <= available
            ? $"; with analyze --threads {(available - shared) / perWorker} or fewer it would fit"
            : "";
        throw new BadInputException(
            DiagnosticCodes.Input.Memory,
            tensor.Path,
            $"analysing a tensor of shape {shape} with the {engine.Name} engine needs {Show(needed)} of memory "
            + $"({Show(shared)} shared, {Show(perWorker)} {(workers == 1 ? "for its one worker" : $"for each of {workers} workers")}) but {Show(available)} is available{advice}");
    }

    /// <summary>
    /// Memory available to this process now: the runtime's limit (the machine's memory, or a
    /// container's or GCHeapHardLimit's) less what the process holds, and on Linux no more than
    /// the kernel's MemAvailable.
    /// </summary>
    public static long Available()
    {
        long limit = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        long available = limit - Environment.WorkingSet;
        if (OperatingSystem.IsLinux() && MemAvailable() is { } free)
        {
            available = Math.Min(available, free);
        }

        return Math.Max(0, available);
    }

    private static (long Shared, long PerWorker, long Workers) Parts(IAttentionSource tensor, IMonotonicityEngine engine)
    {
        long heads = tensor.Heads;
        long n = tensor.SequenceLength;
        long square = Times(n, n);
        long slopes = Plus(Times(heads, 8), ArrayOverhead);
        long results = Times(tensor.Layers, 128);
        long readBuffer = Times(square, 2L * tensor.Dtype.ElementSize());
        long buffers = Plus(Times(square, 16), 2 * ArrayOverhead);
        if (engine is FastEngine fast)
        {
            long alibi = Times(heads, Plus(Times(n, 8), ArrayOverhead + 8));
            long counter = Plus(Times(n, 96), 8192);
            long workers = Math.Max(1, Math.Min(fast.Jobs, tensor.Layers));
            return (Plus(Plus(slopes, results), alibi), Plus(Plus(buffers, counter), readBuffer), workers);
        }

        return (Plus(slopes, results), Plus(buffers, readBuffer), 1);
    }

    private static long? MemAvailable()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/meminfo"))
            {
                // "MemAvailable:   12345678 kB"
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)
                    && long.TryParse(line["MemAvailable:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long kib))
                {
                    return Times(kib, 1024);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }

        return null;
    }

    // Sizes from a hostile shape overflow a long; long.MaxValue is "more than any machine has".
    private static long Times(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;

    private static long Plus(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static string Show(long bytes) => bytes switch
    {
        long.MaxValue => "more than 8 EiB",
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
    };
}
