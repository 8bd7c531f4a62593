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

    [Theory]
    [InlineData(20)]   // the insertion sort
    [InlineData(500)]  // the radix passes
    public void Ties_keep_their_input_order_and_minus_zero_sorts_before_plus_zero(int length)
    {
        var random = new Random(length);
        double[] choices = [-1.5, -0.0, 0.0, 0.25, 0.5];
        var values = Enumerable.Range(0, length).Select(_ => choices[random.Next(choices.Length)]).ToArray();

        var order = new DoubleRadixSort(length).Sort(values).ToArray();

        // OrderBy is stable: equal values stay in input order, -0 ahead of +0.
        var expected = Enumerable.Range(0, length).OrderBy(p => values[p]).ThenBy(p => double.IsNegative(values[p]) ? 0 : 1);
        Assert.Equal(expected, order);
    }

    [Fact]
    public void Infinities_and_NaNs_follow_the_IEEE_total_order_of_their_bits()
    {
        double negativeNaN = BitConverter.UInt64BitsToDouble(0xFFF8_0000_0000_0000);
        double positiveNaN = BitConverter.UInt64BitsToDouble(0x7FF8_0000_0000_0000);
        double[] values = [1.0, positiveNaN, double.NegativeInfinity, negativeNaN, double.PositiveInfinity, -2.0];

        var order = new DoubleRadixSort(values.Length).Sort(values).ToArray();

        Assert.Equal([3, 2, 5, 0, 4, 1], order);
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
