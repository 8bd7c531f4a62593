namespace Monotone.Core;

/// <summary>
/// The one table between the values of an enum and the names users write and files record
/// (engines, dtypes, input formats, stages, shells): one name per value, in the order of the values.
/// </summary>
/// <remarks>
/// Unlike <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>, only a name exactly as spelt
/// here is read back: no other case, and no number (<c>--engine 1</c> is not an engine).
/// </remarks>
/// <typeparam name="TEnum">An enum whose values are its declared members, each given a name.</typeparam>
public sealed class EnumNames<TEnum>
    where TEnum : struct, Enum
{
    private readonly TEnum[] values = Enum.GetValues<TEnum>();
    private readonly string[] names;

    /// <param name="names">One name per value of <typeparamref name="TEnum"/>, in the order of the values.</param>
    /// <exception cref="ArgumentException">Not one name per value.</exception>
    public EnumNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length != values.Length)
        {
            throw new ArgumentException($"{typeof(TEnum).Name} has {values.Length} values, not {names.Length}", nameof(names));
        }

        this.names = names;
    }

    /// <summary>Every name, in the order of the values: what help, completions and errors list.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>The name of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a declared member.</exception>
    public string Name(TEnum value)
    {
        int index = Array.IndexOf(values, value);
        return index >= 0 ? names[index] : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(TEnum).Name}");
    }

    /// <summary>Reads a name exactly as <see cref="Names"/> spells it.</summary>
    public bool TryParse(string? text, out TEnum value)
    {
        int index = Array.IndexOf(names, text);
        value = index >= 0 ? values[index] : default;
        return index >= 0;
    }
}
