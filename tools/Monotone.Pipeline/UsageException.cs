namespace Monotone.Pipeline;

/// <summary>A request that cannot be met as asked (an unknown label); the CLI exits with code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
