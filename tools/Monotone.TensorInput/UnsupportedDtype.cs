using Monotone.Core;

namespace Monotone.TensorInput;

/// <summary>The one wording of an element type the analysis does not read (<see cref="DiagnosticCodes.Input.Dtype"/>).</summary>
internal static class UnsupportedDtype
{
    /// <param name="found">The dtype as the file names it, quoted as the caller sees fit.</param>
    internal static string Message(string found) =>
        $"unsupported dtype {found} (expected float16, bfloat16, float32 or float64)";
}
