using Monotone.Core;

namespace Monotone.Tests.Engine;

public class AlibiSlopesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(32)]
    [InlineData(64)]
    public void Model_formulas_equal_the_notebook_for_powers_of_two(int heads)
    {
        Assert.Equal(AlibiSlopes.Notebook(heads), AlibiSlopes.Bloom(heads));

        // MPT writes 1 / 2^x where the notebook writes 2^-x: equal up to one rounding.
        Assert.All(
            AlibiSlopes.Notebook(heads).Zip(AlibiSlopes.Mpt(heads)),
            pair => Assert.Equal(pair.First, pair.Second, 1e-15 * pair.First));
    }

    [Fact]
    public void Bloom_176b_has_112_distinct_slopes_that_differ_from_the_notebook()
    {
        var bloom = AlibiSlopes.Bloom(112);

        Assert.Equal(112, bloom.Distinct().Count());
        Assert.Equal(Math.Pow(2, -8.0 / 64), bloom[0]);
        Assert.Equal(Math.Pow(2, -4.0 / 64), bloom[64]);
        Assert.NotEqual(AlibiSlopes.Notebook(112), bloom);
    }

    [Theory]
    [InlineData("notebook", "notebook")]
    [InlineData(" BLOOM ", "bloom")]
    [InlineData("0.5, 0.25", "0.5,0.25")]
    public void Specs_parse_and_print(string text, string printed) =>
        Assert.Equal(printed, SlopeSpec.Parse(text).ToString());

    [Theory]
    [InlineData("alibi")]
    [InlineData("0.5,x")]
    [InlineData("")]
    public void Bad_specs_are_refused(string text) =>
        Assert.Throws<FormatException>(() => SlopeSpec.Parse(text));
}
