namespace Monotone.Pipeline;

/// <summary>An experiment that `--keep-going` went past.</summary>
/// <param name="Failure">What stopped it: a <see cref="Manifest.ManifestException"/> (missing input, MONO007; a shape the manifest contradicts) or a <see cref="Monotone.Core.BadInputException"/>.</param>
public sealed record ExperimentFailure(Experiment Experiment, Exception Failure);
