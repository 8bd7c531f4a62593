using Monotone.Core;
using Monotone.Engine;
using Monotone.TensorInput.Synthetic;

namespace Monotone.Tests.TensorInput;

public class SyntheticAttentionTests
{
    [Fact]
    public void Rows_are_causal_float32_probability_distributions()
    {
        var source = new SyntheticAttention("org/model", 3, 2, 20, 0);
        var head = new double[20 * 20];

        source.ReadHead(2, 1, head);

        for (int i = 0; i < 20; i++)
        {
            var row = head.AsSpan(i * 20, 20);
            Assert.Equal(1.0, row.ToArray().Sum(), 1e-6);
            Assert.All(row[(i + 1)..].ToArray(), v => Assert.Equal(0.0, v));
            Assert.All(row[..(i + 1)].ToArray(), v => Assert.True(v > 0 && v == (float)v));
        }
    }

    [Fact]
    public void The_same_parameters_give_the_same_values_and_fingerprint()
    {
        var a = new SyntheticAttention("org/model", 2, 2, 8, 1);
        var b = new SyntheticAttention("org/model", 2, 2, 8, 1);
        var x = new double[64];
        var y = new double[64];

        a.ReadHead(1, 1, x);
        b.ReadHead(1, 1, y);

        Assert.Equal(x, y);
        Assert.Equal(a.Fingerprint(), b.Fingerprint());
        Assert.NotEqual(a.Fingerprint(), new SyntheticAttention("org/model", 2, 2, 8, 2).Fingerprint());
        Assert.NotEqual(a.Fingerprint(), new SyntheticAttention("org/other", 2, 2, 8, 1).Fingerprint());
        Assert.NotEqual(a.Fingerprint(), new SyntheticAttention("org/model", 2, 2, 16, 1).Fingerprint());
    }

    [Fact]
    public void Early_layers_keep_monotonicity_and_late_layers_break_it()
    {
        var source = new SyntheticAttention("anas-awadalla/mpt-7b", 12, 8, 96, 0);

        var layers = new ReferenceEngine().Analyze(source, new AnalysisOptions());

        Assert.Equal(0, layers[0].ViolationsCount);
        Assert.True(layers[^1].ViolationsCount > 0);
    }
}
