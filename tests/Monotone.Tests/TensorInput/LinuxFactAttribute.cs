namespace Monotone.Tests.TensorInput;

/// <summary>A fact about Linux file types (FIFOs, /proc): skipped, with the reason, elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute(string? needs = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "needs Linux (FIFOs, /proc)";
        }
        else if (needs is not null && !File.Exists(needs))
        {
            Skip = $"needs {needs}";
        }
    }
}
