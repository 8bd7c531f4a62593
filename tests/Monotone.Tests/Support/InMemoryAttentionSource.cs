using Monotone.Core;

namespace Monotone.Tests.Support;

/// <summary>A <c>[layers, heads, n, n]</c> float64 tensor held in an array, for engine tests.</summary>
public sealed class InMemoryAttentionSource(int layers, int heads, int n, double[] values, string path = "in-memory") : IAttentionSource
{
    public string Path => path;

    public InputFormat Format => InputFormat.Synthetic;

    public TensorDtype Dtype => TensorDtype.Float64;

    public int Layers => layers;

    public int Heads => heads;

    public int SequenceLength => n;

    /// <summary>The values, row-major <c>[layer, head, query, key]</c>; tests may edit them.</summary>
    public double[] Values => values;

    public static InMemoryAttentionSource Create(int layers, int heads, int n, Func<int, int, int, int, double> value)
    {
        var values = new double[layers * heads * n * n];
        int p = 0;
        for (int l = 0; l < layers; l++)
        {
            for (int h = 0; h < heads; h++)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        values[p++] = value(l, h, i, j);
                    }
                }
            }
        }

        return new InMemoryAttentionSource(layers, heads, n, values);
    }

    public void ReadHead(int layer, int head, Span<double> destination) =>
        values.AsSpan(((layer * heads) + head) * n * n, n * n).CopyTo(destination);
}
