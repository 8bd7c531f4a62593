namespace Monotone.Pipeline;

/// <summary>
/// The stages of the pipeline, in the order they run (docs/design.md §3): each later stage reads
/// only what the earlier ones wrote to disk.
/// </summary>
public enum StageKind
{
    /// <summary>Per experiment: the tensor analysed into experiments/&lt;label&gt;/&lt;n&gt;/.</summary>
    Analysis,

    /// <summary>paper/figures/: the figures, drawn from the results.</summary>
    Figures,

    /// <summary>paper/generated/: the LaTeX tables and numbers.</summary>
    Latex,

    /// <summary>paper/appendix.pdf and paper/report.html; the report, last, shows the state of the others.</summary>
    Appendix,
}
