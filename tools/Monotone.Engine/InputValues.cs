using Monotone.Core;

namespace Monotone.Engine;

/// <summary>
/// Which values an engine cannot analyse, and what every engine says about them, in the
/// same words. The notebook's softmax gives a used key (j ≤ i) holding -inf the weight 0,
/// and finite statistics, as long as its row keeps a finite key; NaN, +inf, or a row
/// whose used keys are all -inf make its softmax NaN, so those are refused.
/// </summary>
public static class InputValues
{
    /// <summary>
    /// The key of the first value in <paramref name="row"/> (the used keys 0..i of one query)
    /// that makes the row's softmax undefined: a NaN or +inf; 0 when every key is -inf; -1
    /// when the row can be analysed (finite values and -inf only, at least one finite).
    /// </summary>
    public static int FirstUnusable(ReadOnlySpan<double> row)
    {
        bool anyFinite = false;
        for (int j = 0; j < row.Length; j++)
        {
            double value = row[j];
            if (double.IsNaN(value) || double.IsPositiveInfinity(value))
            {
                return j;
            }

            anyFinite |= double.IsFinite(value);
        }

        return anyFinite || row.IsEmpty ? -1 : 0;
    }

    /// <summary>
    /// Throws <see cref="Unusable"/> for the row's first offending value, if it has one
    /// (<see cref="FirstUnusable"/>).
    /// </summary>
    public static void Check(IAttentionSource tensor, int layer, int head, int query, ReadOnlySpan<double> row)
    {
        int key = FirstUnusable(row);
        if (key >= 0)
        {
            throw Unusable(tensor, layer, head, query, key, row[key]);
        }
    }

    /// <summary>
    /// A value the analysis cannot use at [layer, head, query, key] (0-based, as PyTorch's):
    /// NaN, +inf, or (for <paramref name="value"/> = -inf) the first key of a row whose used
    /// keys are all -inf.
    /// </summary>
    public static BadInputException Unusable(IAttentionSource tensor, int layer, int head, int query, int key, double value)
    {
        string at = $"[layer, head, query, key] = [{layer}, {head}, {query}, {key}] (0-based, as PyTorch indexes)";
        return new BadInputException(
            DiagnosticCodes.Input.NotFinite,
            tensor.Path,
            double.IsNegativeInfinity(value)
                ? $"contains -inf at every key the analysis uses (0..{query}) of the row starting at {at}: its softmax is undefined (the notebook gives NaN)"
                : $"contains {(double.IsNaN(value) ? "NaN" : $"an infinite value ({value})")} at {at}");
    }
}
