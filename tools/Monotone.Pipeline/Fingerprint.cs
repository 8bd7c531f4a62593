namespace Monotone.Pipeline;

/// <summary>An input's content fingerprint and how this machine knows it.</summary>
public sealed record Fingerprint(string Value, FingerprintOrigin Origin);
