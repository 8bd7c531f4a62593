namespace Monotone.Manifest;

/// <summary>
/// A named option set of the study (the manifest's <c>variants:</c>, docs/variants.md): the same
/// models analysed again with some <c>analysis:</c> keys overridden, each with its own results.
/// The study's own options are the variant <see cref="DefaultName"/>, which is never listed here.
/// </summary>
/// <param name="Name">Names the variant's result folders (<c>experiments/LABEL/N@NAME/</c>): a label's rules, unique, not "default".</param>
/// <param name="Keys">The <c>analysis:</c> keys the variant sets, in the manifest's order (they win over the study's and the model's).</param>
/// <param name="Models">The models it covers, in manifest order, each with its settings resolved for this variant.</param>
/// <param name="Location">Where the variant's entry starts, for messages about it.</param>
public sealed record Variant(string Name, IReadOnlyList<string> Keys, IReadOnlyList<ModelEntry> Models, SourceLocation Location)
{
    /// <summary>The study's own options: today's keys and paths, and the value of results.csv's variant column.</summary>
    public const string DefaultName = "default";
}
