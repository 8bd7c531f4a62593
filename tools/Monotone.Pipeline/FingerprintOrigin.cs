namespace Monotone.Pipeline;

/// <summary>How an input's fingerprint was obtained.</summary>
public enum FingerprintOrigin
{
    /// <summary>Hashed from the file's bytes just now.</summary>
    Hashed,

    /// <summary>Hashed earlier on this machine; the file's identity (size, mtime, ctime, inode) has not changed since.</summary>
    Memo,

    /// <summary>
    /// Not hashed: taken from the committed result because the user asked to skip hashing
    /// (<see cref="InputHashing.TrustRecorded"/>); status names it on every line.
    /// </summary>
    Trusted,

    /// <summary>Computed from a synthetic input's parameters.</summary>
    Generated,
}
