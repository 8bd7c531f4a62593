using System.Diagnostics;

namespace Monotone.Tests.Support;

/// <summary>A fact that needs the git command; skipped, with the reason, where there is none.</summary>
public sealed class GitFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Present = new(() =>
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("git", "--version") { RedirectStandardOutput = true, UseShellExecute = false })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public GitFactAttribute()
    {
        if (!Present.Value)
        {
            Skip = "git is not on PATH";
        }
    }
}
