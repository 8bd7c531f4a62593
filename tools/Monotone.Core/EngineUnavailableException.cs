namespace Monotone.Core;

/// <summary>
/// An engine that cannot run on this machine (a native library that does not load, a
/// device that is not there). The message says why in one line; the tool adds which
/// engine to use instead.
/// </summary>
public sealed class EngineUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
