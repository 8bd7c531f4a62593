namespace Monotone.Manifest;

/// <summary>
/// Bounds on the manifest and its values, checked at the value's line and column so that
/// nothing <c>status</c> accepts can fail later in <c>run</c> for its size alone
/// (docs/errors.md lists them with these reasons).
/// </summary>
internal static class ManifestLimits
{
    /// <summary>
    /// The largest manifest file read, in bytes. The shipped one is 2 KB; a megabyte lists
    /// thousands of models, and the bound keeps a hostile file from filling memory before
    /// its first error.
    /// </summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>
    /// The deepest nesting of mappings and lists. The manifest's own structure is 4 levels
    /// deep; YamlDotNet's node tree is built recursively, so this bound (checked on the
    /// parser's event stream first, which does not recurse) is what keeps 50,000 nested
    /// brackets from overflowing the stack of the tool or of the MSBuild task host.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The most layers a model may declare: the deepest published ALiBi models have 70
    /// (BLOOM 176B); 4096 leaves room for any real model while a typo such as 1000000000
    /// is refused here instead of exhausting memory in the analysis.
    /// </summary>
    public const int MaxLayers = 4096;

    /// <summary>
    /// The most attention heads: published ALiBi models have at most 112 (BLOOM 176B), and
    /// slope tables and per-head buffers grow with the count.
    /// </summary>
    public const int MaxHeads = 4096;

    /// <summary>
    /// The longest sequence: one layer's head mean and cumulative sums are [n, n] float64
    /// matrices, 2 GiB each at n = 16384, which with a worker's other buffers is what a
    /// 24 GiB machine can hold; the study's data stops at n = 2048.
    /// </summary>
    public const int MaxSequenceLength = 16384;

    /// <summary>
    /// A label names a folder and, with ".N.lock" (at most 11 bytes for n up to 16384), a lock
    /// file; Linux and macOS limit a file name to 255 bytes (NAME_MAX), so 244 is the most that
    /// every name made from it can hold.
    /// </summary>
    public const int MaxLabelBytes = 244;

    /// <summary>How deeply <c>${A:-${B:-...}}</c> defaults may nest; real roots nest one or two.</summary>
    public const int MaxExpansionDepth = 16;
}
