namespace Monotone.TensorInput.Formats;

/// <summary>A Python tuple from <see cref="PythonLiteral"/>.</summary>
internal sealed record PythonTuple(IReadOnlyList<object?> Items);
