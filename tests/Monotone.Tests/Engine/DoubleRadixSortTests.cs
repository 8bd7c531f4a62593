using Monotone.Engine.Fast;

namespace Monotone.Tests.Engine;

public class DoubleRadixSortTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(1000)]
    public void Orders_any_finite_values_by_value(int length)
    {
        var random = new Random(length);
        double[] specials = [0.0, -0.0, double.Epsilon, -double.Epsilon, 1.0, 0.5, double.MaxValue, -double.MaxValue, 1e-300];
        var values = new double[length];
        for (int p = 0; p < length; p++)
        {
            values[p] = random.Next(4) switch
            {
                0 => specials[random.Next(specials.Length)],
                1 => random.NextDouble(),
                2 => -random.NextDouble() * 1e6,
                _ => random.Next(3) / 8.0, // duplicates
            };
        }

        var order = new DoubleRadixSort(length).Sort(values).ToArray();

        Assert.Equal(Enumerable.Range(0, length), order.Order());
        var sorted = order.Select(p => values[p]).ToArray();
        Assert.Equal(values.Order(), sorted);
    }

    [Fact]
    public void Sorting_again_reuses_the_buffers()
    {
        var sort = new DoubleRadixSort(100);

        sort.Sort([3.0, 1.0, 2.0]);
        var order = sort.Sort([0.25, 0.75, 0.5, 0.0]).ToArray();

        Assert.Equal([3, 0, 2, 1], order);
    }
}
