namespace Monotone.Core;

/// <summary>
/// Which formula gives head h of H its ALiBi slope (docs/design.md §1, step 2). The manifest,
/// the command line and result files spell them as <see cref="SlopeSpec.Parse"/> reads them.
/// </summary>
public enum SlopeSet
{
    /// <summary>The notebook's and the paper's <c>2^(-8 (h+1) / H)</c>: the default.</summary>
    Notebook,

    /// <summary>BLOOM's own formula (differs when H is not a power of two).</summary>
    Bloom,

    /// <summary>MPT's own formula (differs when H is not a power of two).</summary>
    Mpt,

    /// <summary>An explicit comma-separated list, one slope per head.</summary>
    List,
}
