using Monotone.Core;
using Monotone.Figures;
using Monotone.Results;

namespace Monotone.Appendix;

/// <summary>One line of the summary table: a model at one sequence length.</summary>
/// <param name="MaxLayer">The layer (from 1) with the highest violation rate; the first such layer on a tie.</param>
public sealed record SummaryRow(
    string Model,
    int ModelIndex,
    MonotonicityResult Result,
    int Layers,
    long Heads,
    int SequenceLength,
    double MeanRate,
    double MaxRate,
    int MaxLayer)
{
    public bool Synthetic => Result.Input.Format == InputFormat.Synthetic.Spelling();

    /// <summary>The model's label as tables show it: starred when its input is synthetic.</summary>
    public string DisplayLabel => Synthetic ? Model + " *" : Model;

    /// <summary>Every model's results in manifest order, each model's lengths ascending.</summary>
    public static IReadOnlyList<SummaryRow> For(IReadOnlyList<ModelSeries> models) =>
        [.. models.SelectMany((model, index) => model.Results.OrderBy(ModelSeries.LengthOf).Select(r => Of(model.Label, index, r)))];

    private static SummaryRow Of(string model, int index, MonotonicityResult result)
    {
        var layers = result.Layers;
        int maxIndex = 0;
        for (int i = 1; i < layers.Count; i++)
        {
            if (layers[i].ViolationRate > layers[maxIndex].ViolationRate)
            {
                maxIndex = i;
            }
        }

        return new SummaryRow(
            model,
            index,
            result,
            layers.Count,
            result.Input.Shape[1],
            ModelSeries.LengthOf(result),
            ModelSeries.MeanViolationRate(result),
            layers.Count == 0 ? 0 : layers[maxIndex].ViolationRate,
            layers.Count == 0 ? 0 : maxIndex + 1);
    }
}
