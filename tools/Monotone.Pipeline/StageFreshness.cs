namespace Monotone.Pipeline;

/// <summary>
/// Where a paper stage or experiments/results.csv stands (`status`, docs/json.md): one rule for
/// every derived output, whatever made its experiments stale (docs/record.md).
/// </summary>
public enum StageFreshness
{
    /// <summary>Its files are what the current results, options and drawing code make.</summary>
    Fresh,

    /// <summary>Every result it is made from is fresh, but its files are not what they make (an option, a result, the drawing code, an output changed).</summary>
    Stale,

    /// <summary>A result it is made from is stale or missing: it is remade, if at all, after that experiment's analysis.</summary>
    Waiting,
}
