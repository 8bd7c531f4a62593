namespace Monotone.Core;

/// <summary>The notebook's constants, as options. Defaults are the notebook's values.</summary>
public sealed record AnalysisOptions
{
    public const double NotebookEpsilon = 1e-10;
    public const double NotebookRelativeFloor = 1e-5;

    public SlopeSpec Slopes { get; init; } = SlopeSpec.Notebook;

    /// <summary>A pair is a violation when <c>C[i,k] - C[j,k] &lt; -Epsilon</c>.</summary>
    public double Epsilon { get; init; } = NotebookEpsilon;

    /// <summary>Added to the denominator of the relative error: <c>|d| / (max + floor)</c>.</summary>
    public double RelativeFloor { get; init; } = NotebookRelativeFloor;

    /// <summary>The slopes for this tensor's head count; a mismatched explicit list is bad input.</summary>
    public double[] SlopesFor(IAttentionSource tensor)
    {
        try
        {
            return Slopes.For(tensor.Heads);
        }
        catch (ArgumentException e)
        {
            throw new BadInputException(tensor.Path, e.Message);
        }
    }
}
