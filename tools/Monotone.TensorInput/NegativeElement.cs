using Monotone.Core;

namespace Monotone.TensorInput;

/// <summary>
/// The first negative value (in [layer, head, query, key] order, 0-based as PyTorch indexes)
/// at a position the analysis uses (key ≤ query) of a tensor named as mean attention.
/// </summary>
public readonly record struct NegativeElement(int Layer, int Head, int Query, int Key, double Value)
{
    /// <summary>
    /// The warning (code <see cref="DiagnosticCodes.Input.NegativeValues"/>) for <paramref name="path"/>. The analysis goes on:
    /// the notebook adds ALiBi to its input and applies a softmax, so logits (a mean of
    /// <c>q·k</c>, say) are analysed exactly as the notebook analyses them.
    /// </summary>
    public string Warning(string path) =>
        $"{DiagnosticText.Escape(path)}: holds negative values where probabilities are expected, the first {Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} "
        + $"at [layer, head, query, key] = [{Layer}, {Head}, {Query}, {Key}] (0-based); they are analysed as scores (ALiBi added, then softmax), as the notebook does ({DiagnosticCodes.Input.NegativeValues})";

    /// <summary>Whether this element comes before <paramref name="other"/> in [layer, head, query, key] order.</summary>
    public bool Precedes(NegativeElement other) =>
        (Layer, Head, Query, Key).CompareTo((other.Layer, other.Head, other.Query, other.Key)) < 0;
}
