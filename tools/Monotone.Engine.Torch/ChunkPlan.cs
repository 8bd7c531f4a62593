namespace Monotone.Engine.Torch;

/// <summary>
/// How much of a layer the engine holds at once, so memory stays bounded whatever n is:
/// the heads are read in batches, and the pairwise comparison runs over ranges of the
/// n(n-1)/2 row pairs. Where the budget allows, one batch and one chunk cover the layer,
/// which is the notebook's program exactly.
/// </summary>
/// <param name="HeadsPerBatch">Heads turned into softmax attention together.</param>
/// <param name="PairsPerChunk">Row pairs compared together, across all n columns.</param>
public readonly record struct ChunkPlan(int HeadsPerBatch, long PairsPerChunk)
{
    /// <summary>Without a set budget, the engine uses this share of the device's free memory.</summary>
    public const int FreeMemoryShare = 4;

    // n×n float64 tensors alive per head: the host copy, the device copy, the scored logits, the masked logits, the softmax.
    private const long TensorsPerHead = 5;

    // [pairs, n] tensors alive per chunk: both gathered rows, their difference, the mask (a byte each), and
    // at most as many violating values again: |d|, both rows' values, their maximum, the relative errors.
    private const long TensorsPerPair = 9;

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
