using System.Globalization;

namespace Monotone.Core;

/// <summary>
/// Which ALiBi slopes to add: the notebook's formula (the default), the formulas
/// BLOOM and MPT themselves use, which differ from it when the head count is
/// not a power of two, or an explicit list.
/// </summary>
public sealed record SlopeSpec
{
    private SlopeSpec(SlopeSet set, double[]? values)
    {
        Set = set;
        Values = values;
    }

    public static SlopeSpec Notebook { get; } = new(SlopeSet.Notebook, null);

    public static SlopeSpec Bloom { get; } = new(SlopeSet.Bloom, null);

    public static SlopeSpec Mpt { get; } = new(SlopeSet.Mpt, null);

    /// <summary>The names <see cref="Parse"/> reads besides a list of numbers, in the order help and completions show them.</summary>
    /// <remarks>In <see cref="SlopeSet"/>'s order: a name's index is its set.</remarks>
    public static IReadOnlyList<string> Names => NameList;

    private static readonly string[] NameList = ["notebook", "bloom", "mpt"];

    /// <summary>The formula, or <see cref="SlopeSet.List"/> for explicit values.</summary>
    public SlopeSet Set { get; }

    /// <summary>The explicit slopes of a <see cref="SlopeSet.List"/> spec; null otherwise.</summary>
    public IReadOnlyList<double>? Values { get; }

    public static SlopeSpec Explicit(IEnumerable<double> values) => new(SlopeSet.List, values.ToArray());

    /// <summary>
    /// Parses "notebook", "bloom", "mpt" (any case) or a comma-separated list of numbers: the one
    /// reader of the spelling that the manifest, the command line and result files share.
    /// </summary>
    /// <exception cref="FormatException">Neither a name nor a list of finite numbers.</exception>
    public static SlopeSpec Parse(string text)
    {
        // Names is in SlopeSet's order, so a name's index is its set.
        int named = Array.IndexOf(NameList, text.Trim().ToLowerInvariant());
        if (named >= 0)
        {
            return new SlopeSpec((SlopeSet)named, null);
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                throw new FormatException($"slopes must be notebook, bloom, mpt or a comma-separated list of numbers, not '{text}'");
            }
        }

        return parts.Length > 0 ? Explicit(values) : throw new FormatException("empty slope list");
    }

    /// <exception cref="ArgumentException">An explicit list whose length is not <paramref name="heads"/>.</exception>
    public double[] For(int heads) => Set switch
    {
        SlopeSet.Notebook => AlibiSlopes.Notebook(heads),
        SlopeSet.Bloom => AlibiSlopes.Bloom(heads),
        SlopeSet.Mpt => AlibiSlopes.Mpt(heads),
        _ when Values!.Count == heads => [.. Values],
        _ => throw new ArgumentException($"the slope list has {Values!.Count} values but the tensor has {heads} heads"),
    };

    /// <summary>The spelling <see cref="Parse"/> reads back: a name, or the values in shortest round-trip form.</summary>
    public override string ToString() =>
        Values is null ? NameList[(int)Set] : string.Join(",", Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    public bool Equals(SlopeSpec? other) =>
        other is not null && Set == other.Set
        && (Values is null ? other.Values is null : other.Values is not null && Values.SequenceEqual(other.Values));

    public override int GetHashCode() => HashCode.Combine(Set, Values?.Count);
}
