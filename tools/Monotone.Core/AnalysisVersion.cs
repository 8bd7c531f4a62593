namespace Monotone.Core;

/// <summary>
/// The version of what the analysis computes. Results carry it, and a cached
/// result computed by another version is stale. Bump it whenever any engine's
/// numbers could change; a faster engine with identical numbers does not bump it.
/// </summary>
public static class AnalysisVersion
{
    public const int Current = 1;
}
