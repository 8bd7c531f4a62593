namespace Monotone.Core;

/// <summary>ALiBi slope formulas, in float64.</summary>
internal static class AlibiSlopes
{
    /// <summary>The notebook's (and the paper's) formula: slope_h = 2^(-8 (h+1) / H).</summary>
    public static double[] Notebook(int heads)
    {
        var slopes = new double[heads];
        for (int h = 0; h < heads; h++)
        {
            // Python evaluates -8 * (h + 1) / n_heads as an exact integer product, then one rounded division.
            slopes[h] = Math.Pow(2, (double)(-8 * (h + 1)) / heads);
        }

        return slopes;
    }

    /// <summary>
    /// BLOOM's build_alibi_tensor: the power-of-two formula for the largest power of
    /// two p ≤ H, then every other slope of the 2p formula for the remaining heads.
    /// BLOOM evaluates it in float32; this is the same formula in float64.
    /// </summary>
    public static double[] Bloom(int heads)
    {
        int p = 1 << (int)Math.Floor(Math.Log2(heads));
        var slopes = new List<double>(heads);
        for (int k = 1; k <= p; k++)
        {
            slopes.Add(Math.Pow(2, -8.0 * k / p));
        }

        for (int m = 1; m <= Math.Min(p, heads - p); m++)
        {
            slopes.Add(Math.Pow(2, -4.0 * (2 * m - 1) / p));
        }

        return [.. slopes];
    }

    /// <summary>
    /// MPT's gen_slopes (alibi_bias_max = 8): the formula for the next power of two
    /// q ≥ H, then the odd-numbered slopes followed by the even-numbered, cut to H.
    /// </summary>
    public static double[] Mpt(int heads)
    {
        int q = 1 << (int)Math.Ceiling(Math.Log2(heads));
        var all = new double[q];
        for (int k = 1; k <= q; k++)
        {
            all[k - 1] = 1.0 / Math.Pow(2, k * (8.0 / q));
        }

        if (q == heads)
        {
            return all;
        }

        var odd = all.Where((_, i) => i % 2 == 1);
        var even = all.Where((_, i) => i % 2 == 0);
        return [.. odd.Concat(even).Take(heads)];
    }
}
