using Monotone.Core;
using Monotone.Figures;
using Monotone.Results;

namespace Monotone.Appendix;

/// <summary>
/// One line of the Variants tables (docs/variants.md): a model at one sequence length under one
/// variant, the default first, with what it changes and how its violations compare.
/// </summary>
/// <param name="Options">The options that differ from the default variant's at the same length ("ε = 1e−06"); empty for the default, "none" where nothing differs.</param>
/// <param name="Violations">Violations over all layers.</param>
/// <param name="MeanRate">The mean of the per-layer violation rates, as in the summary table.</param>
/// <param name="Difference">MeanRate minus the default variant's; null for the default or where it has no result at this length.</param>
public sealed record VariantRow(
    string Model,
    int ModelIndex,
    string Variant,
    int SequenceLength,
    string Options,
    long Violations,
    double MeanRate,
    double? Difference)
{
    /// <summary>Each model with named variants, in manifest order, with its rows: per length, the default variant, then the others in manifest order.</summary>
    public static IReadOnlyList<(string Model, IReadOnlyList<VariantRow> Rows)> For(IReadOnlyList<ModelSeries> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        var tables = new List<(string, IReadOnlyList<VariantRow>)>();
        for (int m = 0; m < models.Count; m++)
        {
            var model = models[m];
            if (model.Variants.Count == 0)
            {
                continue;
            }

            var rows = new List<VariantRow>();
            int[] lengths = [.. model.SequenceLengths.Concat(model.Variants.Select(v => ModelSeries.LengthOf(v.Result))).Distinct().Order()];
            foreach (int n in lengths)
            {
                var baseline = model.At(n);
                string label = (baseline ?? model.Variants.First(v => ModelSeries.LengthOf(v.Result) == n).Result).Input.Format == InputFormat.Synthetic.Spelling() ? model.Label + " *" : model.Label;
                if (baseline is not null)
                {
                    rows.Add(Of(label, m, VariantResult.DefaultName, baseline, "", null));
                }

                foreach (var variant in model.Variants.Where(v => ModelSeries.LengthOf(v.Result) == n))
                {
                    rows.Add(Of(label, m, variant.Name, variant.Result, baseline is null ? "no default result" : Changes(baseline, variant.Result), baseline));
                }
            }

            tables.Add((model.Label, rows));
        }

        return tables;
    }

    private static VariantRow Of(string label, int index, string variant, MonotonicityResult result, string options, MonotonicityResult? baseline)
    {
        double mean = ModelSeries.MeanViolationRate(result);
        return new VariantRow(
            label,
            index,
            variant,
            ModelSeries.LengthOf(result),
            options,
            result.Layers.Sum(l => l.ViolationsCount),
            mean,
            baseline is null ? null : mean - ModelSeries.MeanViolationRate(baseline));
    }

    /// <summary>What the variant's result records differently from the default's: slopes, ε, floor, engine.</summary>
    private static string Changes(MonotonicityResult baseline, MonotonicityResult variant)
    {
        var (a, b) = (baseline.Options, variant.Options);
        var changes = new List<string>();
        if (a.Slopes != b.Slopes || !a.SlopeValues.SequenceEqual(b.SlopeValues))
        {
            changes.Add($"slopes {b.Slopes}");
        }

        if (a.Epsilon != b.Epsilon)
        {
            changes.Add($"ε = {Numbers.Exact(b.Epsilon)}");
        }

        if (a.RelativeFloor != b.RelativeFloor)
        {
            changes.Add($"floor {Numbers.Exact(b.RelativeFloor)}");
        }

        if (baseline.Tool.Engine != variant.Tool.Engine)
        {
            changes.Add($"engine {variant.Tool.Engine}");
        }

        return changes.Count == 0 ? "none" : string.Join(", ", changes);
    }
}
