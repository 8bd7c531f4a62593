using System.Globalization;

namespace Monotone.Core;

/// <summary>
/// Which ALiBi slopes to add: the notebook's formula (the default), the formulas
/// BLOOM and MPT themselves use, which differ from it when the head count is
/// not a power of two, or an explicit list.
/// </summary>
public sealed record SlopeSpec
{
    private SlopeSpec(string name, double[]? values)
    {
        Name = name;
        Values = values;
    }

    public static SlopeSpec Notebook { get; } = new("notebook", null);

    public static SlopeSpec Bloom { get; } = new("bloom", null);

    public static SlopeSpec Mpt { get; } = new("mpt", null);

    /// <summary>"notebook", "bloom", "mpt" or "list".</summary>
    public string Name { get; }

    /// <summary>The explicit slopes of a "list" spec; null otherwise.</summary>
    public IReadOnlyList<double>? Values { get; }

    public static SlopeSpec Explicit(IEnumerable<double> values) => new("list", values.ToArray());

    /// <summary>Parses "notebook", "bloom", "mpt" or a comma-separated list of numbers.</summary>
    public static SlopeSpec Parse(string text)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "notebook":
                return Notebook;
            case "bloom":
                return Bloom;
            case "mpt":
                return Mpt;
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

    public double[] For(int heads) => Name switch
    {
        "notebook" => AlibiSlopes.Notebook(heads),
        "bloom" => AlibiSlopes.Bloom(heads),
        "mpt" => AlibiSlopes.Mpt(heads),
        _ when Values!.Count == heads => [.. Values],
        _ => throw new ArgumentException($"the slope list has {Values!.Count} values but the tensor has {heads} heads"),
    };

    public override string ToString() =>
        Values is null ? Name : string.Join(",", Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));

    public bool Equals(SlopeSpec? other) =>
        other is not null && Name == other.Name
        && (Values is null ? other.Values is null : other.Values is not null && Values.SequenceEqual(other.Values));

    public override int GetHashCode() => HashCode.Combine(Name, Values?.Count);
}
