using System.Diagnostics;

namespace Monotone.Tests.Support;

/// <summary>
/// Linux's immutable attribute (<c>chattr +i</c>): the one way to make a write fail for root,
/// who ignores permission bits, as the tests run in containers and CI.
/// </summary>
public static class Immutable
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Why the attribute cannot be set here, or null when it can.</summary>
    public static string? Why => Unavailable.Value;

    public static void Set(string path, bool on)
    {
        if (Run("chattr", on ? "+i" : "-i", path) != 0)
        {
            throw new InvalidOperationException($"chattr {(on ? "+i" : "-i")} {path} failed");
        }
    }

    /// <summary>Runs a program to its end and returns its exit code (-1 when it cannot start).</summary>
    public static int Run(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "chattr is Linux's";
        }

        string folder = Directory.CreateTempSubdirectory("monotone-chattr-").FullName;
        try
        {
            if (Run("chattr", "+i", folder) != 0)
            {
                return "chattr +i is not available or not permitted here (needs root and a file system with the attribute, such as ext4 or xfs)";
            }

            Run("chattr", "-i", folder);
            return null;
        }
        finally
        {
            Directory.Delete(folder);
        }
    }
}

/// <summary>A fact that needs <see cref="Immutable"/>; skipped, with the reason, where chattr +i cannot work.</summary>
public sealed class ImmutableFactAttribute : FactAttribute
{
    public ImmutableFactAttribute()
    {
        if (Immutable.Why is { } why)
        {
            Skip = why;
        }
    }
}
