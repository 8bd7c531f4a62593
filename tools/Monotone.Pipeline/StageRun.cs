namespace Monotone.Pipeline;

/// <summary>What making one paper stage did.</summary>
/// <param name="Files">Every file the stage made, written or unchanged, in the order it made them.</param>
/// <param name="Written">How many of them changed on disk.</param>
/// <param name="Removed">Files of an earlier make that the stage no longer plans, now deleted.</param>
public sealed record StageRun(StageKind Stage, IReadOnlyList<string> Files, int Written, IReadOnlyList<string> Removed)
{
    public int Unchanged => Files.Count - Written;
}
