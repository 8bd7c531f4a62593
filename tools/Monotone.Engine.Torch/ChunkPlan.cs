namespace Monotone.Engine.Torch;

/// <summary>
/// How much of a layer the engine holds at once, so memory stays bounded whatever n is:
/// the heads are read in batches, and the pairwise comparison runs over ranges of the
/// n(n-1)/2 row pairs. Where the budget allows, one batch and one chunk cover the layer,
/// which is the notebook's program exactly.
/// </summary>
/// <param name="HeadsPerBatch">Heads turned into softmax attention together.</param>
/// <param name="PairsPerChunk">Row pairs compared together, across all n columns.</param>
internal readonly record struct ChunkPlan(int HeadsPerBatch, long PairsPerChunk)
{
    /// <summary>Without a set budget, the engine uses this share of the device's free memory...</summary>
    public const int FreeMemoryShare = 4;

    /// <summary>
    /// ...and on the CPU at most this much. Small chunks stay in the caches and inside the block
    /// sizes that malloc reuses; large ones make the kernel map and zero fresh pages for every
    /// tensor. Measured here (2 cores, one layer of 4 heads at n = 1024): 2.0 s at 4 to 16 MiB,
    /// 3.1 s at 64 MiB, 11.5 s at 512 MiB or more, most of it in the kernel.
    /// </summary>
    public const long CpuBudgetCap = 16L << 20;

    /// <summary>The budget when none is set: a share of the device's free memory, capped on the CPU.</summary>
    public static long DefaultBudget(bool cuda, long freeBytes) =>
        cuda ? freeBytes / FreeMemoryShare : Math.Min(freeBytes / FreeMemoryShare, CpuBudgetCap);

    // n×n float64 tensors alive per head: the host copy, the device copy, the scored logits, the masked logits, the softmax.
    private const long TensorsPerHead = 5;

    // [pairs, n] float64 tensors alive per chunk: both gathered rows, their difference (then |d|),
    // the rows' maximum, the relative errors, a squared deviation, and two masks of a byte each.
    private const long TensorsPerPair = 7;

    // The host copy of a batch is filled through one Span, so it stays below 2 GiB.
    private const long MaxBatchBytes = int.MaxValue;

    public static ChunkPlan For(int heads, int n, long budgetBytes)
    {
        long matrix = Math.Max((long)n * n * sizeof(double), 1);
        long pairs = Math.Max((long)n * (n - 1) / 2, 1);
        long headsFit = Math.Min(budgetBytes / (matrix * TensorsPerHead), MaxBatchBytes / matrix);
        long pairsFit = budgetBytes / (Math.Max(n, 1) * sizeof(double) * TensorsPerPair);
        return new ChunkPlan((int)Math.Clamp(headsFit, 1, Math.Max(heads, 1)), Math.Clamp(pairsFit, 1, pairs));
    }
}
