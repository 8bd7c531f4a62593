using Monotone.Core;
using Monotone.Results;

namespace Monotone.Tests.Support;

/// <summary>
/// The correctness bar (docs/design.md §1): counts equal, floats within 1e-9 relative,
/// or 1e-12 absolute near zero.
/// </summary>
public static class NotebookAgreement
{
    private static readonly ResultComparison Bar = new();

    public static void AssertEqual(IReadOnlyList<LayerStats> expected, IReadOnlyList<LayerStats> actual)
    {
        var differences = Bar.Compare(expected, actual);
        Assert.True(
            differences.Count == 0,
            string.Join("\n", differences.Take(10).Select(d => $"layer {d.Layer}: {d.Field} {d.Actual:R}, expected {d.Expected:R}")));
    }
}
