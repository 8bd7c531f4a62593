namespace Monotone.Tool.Diff;

/// <summary>What happened to one experiment's result file between the two sides of a diff.</summary>
internal enum DiffStatus
{
    /// <summary>Only the newer side has the result file.</summary>
    Added,

    /// <summary>Only the older side has the result file.</summary>
    Removed,

    /// <summary>Both sides have it, and some count differs or some float is outside the tolerances.</summary>
    Changed,

    /// <summary>Both sides have it and agree within the tolerances.</summary>
    Unchanged,
}
