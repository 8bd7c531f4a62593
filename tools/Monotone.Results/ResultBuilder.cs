using System.Reflection;
using Monotone.Engine;
using Monotone.TensorInput;

namespace Monotone.Results;

/// <summary>Runs an engine on one tensor file and wraps the statistics with their provenance.</summary>
public static class ResultBuilder
{
    public static string ToolVersion { get; } =
        typeof(ResultBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <param name="fingerprint">The input's content fingerprint when the caller already knows it; computed otherwise.</param>
    public static MonotonicityResult Analyze(
        string path,
        string? tensorName,
        AnalysisOptions options,
        IMonotonicityEngine engine,
        string? fingerprint = null,
        IProgress<LayerProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        using var tensor = AttentionTensor.Open(path, tensorName);
        var layers = engine.Analyze(tensor, options, progress, cancellation);
        return new MonotonicityResult(
            MonotonicityResult.CurrentFormat,
            new ToolProvenance("monotone", ToolVersion, AnalysisVersion.Current, engine.Name),
            new InputProvenance(
                path,
                tensor.Format,
                tensorName,
                fingerprint ?? FileFingerprint.Compute(path),
                new FileInfo(path).Length,
                tensor.Shape,
                tensor.Dtype.TorchName()),
            new OptionsProvenance(options.Slopes.ToString(), options.SlopesFor(tensor), options.Epsilon, options.RelativeFloor),
            layers);
    }
}
