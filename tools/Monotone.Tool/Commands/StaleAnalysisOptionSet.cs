using System.CommandLine;
using Monotone.Pipeline;

namespace Monotone.Tool.Commands;

/// <summary>
/// The options that <c>run</c> and <c>repro</c> share, both analysing a manifest's stale experiments:
/// --manifest, --engine, --device, --jobs, --skip-hashing and --keep-going (each defined once in
/// <see cref="SharedOptions"/> or its own class). The commands add these to their own, in their own
/// order, and only translate the values into a request.
/// </summary>
internal sealed class StaleAnalysisOptionSet
{
    public ManifestOption Manifest { get; } = new();

    public EngineOverrideOptions Engines { get; } = EngineOverrideOptions.ForAnalysis();

    public Option<bool> SkipHashing { get; } = SharedOptions.SkipHashing();

    public KeepGoingOption KeepGoing { get; } = new();

    /// <summary>How inputs are fingerprinted: trusting committed results under --skip-hashing, else as remembered.</summary>
    public InputHashing Hashing(ParseResult parse) =>
        parse.GetValue(SkipHashing) ? InputHashing.TrustRecorded : InputHashing.Remembered;
}
