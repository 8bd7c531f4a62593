namespace Monotone.Core;

/// <summary>
/// The fixed diagnostic code of each kind of tensor input problem (MONO020-MONO039),
/// one per kind so that scripts and the error table in docs/errors-input.md can rely on them.
/// </summary>
public static class InputErrorCodes
{
    /// <summary>A damaged file with no more specific code (<see cref="BadInputException.DefaultCode"/>).</summary>
    public const string Damaged = BadInputException.DefaultCode;

    /// <summary>The input does not exist.</summary>
    public const string NotFound = "MONO021";

    /// <summary>The input is not a regular file: a directory, a pipe or FIFO, a device, a socket, a procfs file.</summary>
    public const string NotRegularFile = "MONO022";

    /// <summary>The input exists but cannot be opened (permissions).</summary>
    public const string CannotOpen = "MONO023";

    /// <summary>Not a torch.save zip, .safetensors or .npy file (empty, text, legacy torch format).</summary>
    public const string UnknownFormat = "MONO024";

    /// <summary>The file ends before the data its header or directory describes.</summary>
    public const string Truncated = "MONO025";

    /// <summary>data.pkl exceeds a resource limit (opcodes, stack, nesting, integer or string size).</summary>
    public const string PickleLimit = "MONO026";

    /// <summary>data.pkl is not a pickle torch.save writes (bad opcodes, unknown persistent ids, bad tensor arguments).</summary>
    public const string PickleContent = "MONO027";

    /// <summary>Which tensor to analyse is unclear: several, none, or no tensor of the name given with --tensor.</summary>
    public const string TensorChoice = "MONO028";

    /// <summary>An element type other than float16, bfloat16, float32 or float64.</summary>
    public const string Dtype = "MONO029";

    /// <summary>A shape that is not [layers, heads, n, n] with every size at least 1.</summary>
    public const string Shape = "MONO030";

    /// <summary>A view (strides, storage offset, byte range) that leaves its storage or the file.</summary>
    public const string Layout = "MONO031";

    /// <summary>An .npy header that is not the Python literal NumPy writes.</summary>
    public const string NpyHeader = "MONO032";

    /// <summary>A safetensors header the safetensors library refuses (bad JSON, duplicated names, overlapping or gapped byte ranges).</summary>
    public const string SafetensorsHeader = "MONO033";

    /// <summary>The analysis needs more memory than the machine has available.</summary>
    public const string Memory = "MONO034";

    /// <summary>NaN or an infinity at a position the analysis uses.</summary>
    public const string NotFinite = "MONO035";

    /// <summary>A warning, not an error: negative values where probabilities are expected (treated as logits, as the notebook does).</summary>
    public const string NegativeValues = "MONO036";

    /// <summary>A torch.save file written on a big-endian machine.</summary>
    public const string BigEndianTorch = "MONO037";
}
