using Monotone.Results;

namespace Monotone.Tool.Diff;

/// <summary>One experiment in a diff.</summary>
/// <param name="Key">The experiment's folder under experiments/ (<c>mpt-7b/256</c>).</param>
/// <param name="Changes">Every field that differs, from <see cref="ResultComparison.Compare"/> (old = Expected, new = Actual); empty unless <see cref="DiffStatus.Changed"/>.</param>
internal sealed record ExperimentDiff(string Key, DiffStatus Status, IReadOnlyList<LayerDifference> Changes);
