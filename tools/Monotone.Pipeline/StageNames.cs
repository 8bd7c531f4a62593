namespace Monotone.Pipeline;

/// <summary>The names of <see cref="StageKind"/> on the command line, in output and in the stage record.</summary>
public static class StageNames
{
    /// <summary>The stages that draw from the results, in the order they run.</summary>
    public static IReadOnlyList<StageKind> Paper { get; } = [StageKind.Figures, StageKind.Latex, StageKind.Appendix];

    /// <summary>"analysis", "figures", "latex", "appendix".</summary>
    public static string Name(this StageKind stage) => stage switch
    {
        StageKind.Analysis => "analysis",
        StageKind.Figures => "figures",
        StageKind.Latex => "latex",
        StageKind.Appendix => "appendix",
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
