namespace Monotone.Pipeline;

/// <summary>
/// The code that draws the paper stages from the results on disk (figures, LaTeX, appendix and
/// report). The pipeline project does not reference the drawing libraries, so that the MSBuild
/// task loads none of them; the tool supplies this.
/// </summary>
public interface IPaperDrawing
{
    /// <summary>
    /// Identifies the drawing code (<see cref="CodeIdentity"/>): when it changes, every paper stage is
    /// stale. The MSBuild task computes the same value from the tool's files without loading them.
    /// </summary>
    string CodeIdentity { get; }

    /// <summary>The files <paramref name="stage"/> makes now, from the results as they are on disk.</summary>
    /// <exception cref="Monotone.TensorInput.BadInputException">A result is missing or invalid.</exception>
    IReadOnlyList<StageOutput> Plan(StageKind stage);
}
