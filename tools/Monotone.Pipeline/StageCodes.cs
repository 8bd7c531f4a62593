namespace Monotone.Pipeline;

/// <summary>The pipeline's own diagnostic codes (MONO062-MONO069, part of the record's range; docs/errors.md).</summary>
public static class StageCodes
{
    /// <summary>The stage record (.monotone/stages/*.json) exists but cannot be read.</summary>
    public const string BadStageRecord = "MONO062";

    /// <summary>`--keep-going`: experiments failed and the others were analysed; the summary line.</summary>
    public const string ExperimentsFailed = "MONO063";
}
