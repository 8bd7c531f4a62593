using Monotone.Engine;

namespace Monotone.Tests.TensorInput;

/// <summary>
/// A fact about refusing an analysis too large for memory: skipped, with the reason, on a
/// machine with so much memory available that the analysis would run (for hours) instead.
/// </summary>
public sealed class NeedsLessMemoryThanFactAttribute : FactAttribute
{
    public NeedsLessMemoryThanFactAttribute(long gibibytes)
    {
        long available = MemoryRequirement.Available();
        if (available >= gibibytes << 30)
        {
            Skip = $"{available >> 30} GiB available here; the refusal needs a machine with less than {gibibytes} GiB";
        }
    }
}
