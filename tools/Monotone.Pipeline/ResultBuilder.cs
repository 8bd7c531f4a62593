using Monotone.Core;
using Monotone.Results;
using Monotone.TensorInput;

namespace Monotone.Pipeline;

/// <summary>Runs an engine on one attention source and wraps the statistics with their provenance.</summary>
public static class ResultBuilder
{
    /// <param name="fingerprint">The input's content fingerprint when the caller already knows it; computed otherwise.</param>
    /// <param name="check">Checks the opened tensor (its shape, say) before any work; throws to refuse it.</param>
    /// <param name="hash">Hashes the file when <paramref name="fingerprint"/> is null (with progress, say); otherwise, and by default, the fingerprint is hashed from the bytes the analysis reads (<see cref="AttentionTensor.BeginFingerprint"/>).</param>
    public static MonotonicityResult AnalyzeFile(
        string path,
        string? tensorName,
        AnalysisOptions options,
        IMonotonicityEngine engine,
        string? fingerprint = null,
        IProgress<LayerProgress>? progress = null,
        Action<AttentionTensor>? check = null,
        Func<string, string>? hash = null,
        CancellationToken cancellation = default)
    {
        using var tensor = AttentionTensor.Open(path, tensorName);
        check?.Invoke(tensor);

        // Hashing runs beside the analysis rather than before or after it: by default from the
        // head buffers the analysis reads (the file is read once, AttentionTensor.BeginFingerprint);
        // a caller's own hash (with progress, say) reads the whole file once more.
        Task<string>? hashing = null;
        if (fingerprint is null && hash is not null)
        {
            hashing = Task.Run(() => hash(path), cancellation);
        }
        else if (fingerprint is null)
        {
            tensor.BeginFingerprint();
        }

        // The bytes that were read: a symbolic link's target, not the link.
        long bytes = FileStatus.Of(path, followLinks: true).Size;
        var layers = engine.Analyze(tensor, options, progress, cancellation);
        string value = fingerprint ?? hashing?.GetAwaiter().GetResult() ?? tensor.EndFingerprint();
        var input = new InputIdentity(tensorName, value, bytes);
        return Wrap(tensor, input, options, engine, layers);
    }

    public static MonotonicityResult Analyze(
        IAttentionSource source,
        InputIdentity input,
        AnalysisOptions options,
        IMonotonicityEngine engine,
        IProgress<LayerProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var layers = engine.Analyze(source, options, progress, cancellation);
        return Wrap(source, input, options, engine, layers);
    }

    private static MonotonicityResult Wrap(
        IAttentionSource source, InputIdentity input, AnalysisOptions options, IMonotonicityEngine engine, IReadOnlyList<LayerStats> layers) =>
        new MonotonicityResult(
            MonotonicityResult.CurrentFormat,
            new ToolProvenance("monotone", ToolVersion.Current, AnalysisVersion.Current, engine.Name),
            new InputProvenance(
                source.Path,
                source.Format.Spelling(),
                input.Tensor,
                input.Fingerprint,
                input.Bytes,
                [source.Layers, source.Heads, source.SequenceLength, source.SequenceLength],
                source.Dtype.TorchName()),
            new OptionsProvenance(options.Slopes.ToString(), options.SlopesFor(source), options.Epsilon, options.RelativeFloor),
            layers);
}
