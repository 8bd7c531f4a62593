namespace Monotone.Pipeline;

/// <summary>How status and run learn an input file's content fingerprint.</summary>
public enum InputHashing
{
    /// <summary>The default: a fingerprint this machine hashed and remembers (<see cref="HashMemo"/>), or a new hash.</summary>
    Remembered,

    /// <summary>Hash every input now, whatever the memo says (<c>status --rehash</c>).</summary>
    Rehash,

    /// <summary>
    /// The explicit opt-in <c>--skip-hashing</c>: an input this machine has not hashed takes the
    /// fingerprint recorded in its committed result when the sizes match (read-only data in a
    /// job array, say). Never the default: a tensor's size is fixed by its shape.
    /// </summary>
    TrustRecorded,
}
