using Monotone.Results;

namespace Monotone.Figures;

/// <summary>A model's result at one sequence length under a named variant of the study (docs/variants.md).</summary>
/// <param name="Name">The variant's name in the manifest.</param>
/// <param name="Index">The variant's place among the study's named variants, from 1: its line pattern in every figure.</param>
public sealed record VariantResult(string Name, int Index, MonotonicityResult Result)
{
    /// <summary>The study's own options as figures and tables name them: the manifest's <c>Variant.DefaultName</c>, which this project cannot reach (docs/design.md §3).</summary>
    public const string DefaultName = "default";
}
