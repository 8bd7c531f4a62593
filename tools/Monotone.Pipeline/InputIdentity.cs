namespace Monotone.Pipeline;

/// <summary>What identifies an input's content, beyond its shape.</summary>
/// <param name="Tensor">The tensor chosen inside a file holding several; null otherwise.</param>
/// <param name="Bytes">The file's size; for a generated source, the size its tensor would have on disk.</param>
public sealed record InputIdentity(string? Tensor, string Fingerprint, long Bytes);
