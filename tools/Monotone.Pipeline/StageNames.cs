using Monotone.Core;

namespace Monotone.Pipeline;

/// <summary>The names of <see cref="StageKind"/> on the command line, in output and in the stage record.</summary>
public static class StageNames
{
    /// <summary>The stages that draw from the results, in the order they run.</summary>
    public static IReadOnlyList<StageKind> Paper { get; } = [StageKind.Figures, StageKind.Latex, StageKind.Appendix];

    private static readonly EnumNames<StageKind> Names = new("analysis", "figures", "latex", "appendix");

    /// <summary>"analysis", "figures", "latex", "appendix".</summary>
    public static string Name(this StageKind stage) => Names.Name(stage);
}
