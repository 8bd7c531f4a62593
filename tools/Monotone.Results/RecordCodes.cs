namespace Monotone.Results;

/// <summary>The diagnostic codes of the scientific record (MONO060-MONO079).</summary>
public static class RecordCodes
{
    /// <summary>A result file that cannot be read or breaks an invariant (<see cref="ResultValidation"/>).</summary>
    public const string InvalidResult = "MONO060";

    /// <summary>A committed result kept although its input is not on this machine: a warning, every time.</summary>
    public const string KeptResult = "MONO061";
}
