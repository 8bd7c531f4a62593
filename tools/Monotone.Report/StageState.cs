namespace Monotone.Report;

/// <summary>One line of the report's staleness table: a stage's state for one subject when the page was written.</summary>
/// <param name="Stage">The pipeline stage: analysis, figures or appendix.</param>
/// <param name="Subject">What was checked, e.g. "mpt-7b/256" or "violation_rate".</param>
/// <param name="Current">True when the subject's output agreed with its inputs.</param>
/// <param name="Detail">Why it is stale, or what "current" rests on; plain text.</param>
public sealed record StageState(string Stage, string Subject, bool Current, string Detail);
