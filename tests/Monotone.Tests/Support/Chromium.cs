using System.Diagnostics;

namespace Monotone.Tests.Support;

/// <summary>
/// A real headless browser for the report's tests: Debian's <c>chromium</c>. Found on PATH (or
/// at MONOTONE_CHROMIUM); where it is missing, installed once with apt-get; where that cannot be
/// done (not Debian, not root, no network), tests that need it are skipped with the reason.
/// </summary>
public static class Chromium
{
    private static readonly Lazy<(string? Path, string Reason)> Found = new(FindOrInstall);

    /// <summary>The browser's executable, or null when none can be had.</summary>
    public static string? Path => Found.Value.Path;

    /// <summary>Why there is no browser; empty when there is one.</summary>
    public static string Unavailable => Found.Value.Reason;

    /// <summary>Runs the browser headless on <paramref name="page"/> with extra arguments; returns its standard output and error.</summary>
    public static (int ExitCode, string Out, string Error) Run(string page, params string[] arguments)
    {
        string browser = Path ?? throw new InvalidOperationException(Unavailable);
        using var profile = new TemporaryFolder();
        var start = new ProcessStartInfo(browser)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --no-sandbox: the sandbox refuses to start as root, which CI containers are.
        // A fresh profile per run, so parallel tests never share a browser.
        foreach (string argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                     $"--user-data-dir={profile.Path}", "--enable-logging=stderr", "--log-level=0", .. arguments, new Uri(page).AbsoluteUri])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{browser} did not finish within 2 minutes on {page}");
        }

        return (process.ExitCode, output, error.Result);
    }

    /// <summary>The page's console messages, as Chromium logs them with --enable-logging (lines with CONSOLE).</summary>
    public static IReadOnlyList<string> ConsoleMessages(string log) =>
        [.. log.Split('\n').Where(line => line.Contains(":CONSOLE", StringComparison.Ordinal))];

    private static (string?, string) FindOrInstall()
    {
        if (Locate() is string found)
        {
            return (found, "");
        }

        if (!File.Exists("/usr/bin/apt-get"))
        {
            return (null, "no chromium on PATH, and no apt-get to install Debian's chromium package (set MONOTONE_CHROMIUM to a Chromium or Chrome executable)");
        }

        var (updated, updateLog) = Shell("/usr/bin/apt-get", "update", "-qq");
        var (installed, installLog) = updated ? Shell("/usr/bin/apt-get", "install", "-y", "-qq", "chromium") : (false, "");
        return installed && Locate() is string path
            ? (path, "")
            : (null, $"no chromium on PATH, and `apt-get install chromium` failed: {LastLine(updated ? installLog : updateLog)}");
    }

    private static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("MONOTONE_CHROMIUM") is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? chosen : null;
        }

        string[] folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return ((string[])["chromium", "chromium-browser", "google-chrome"])
            .SelectMany(name => folders.Select(folder => System.IO.Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }

    private static (bool Ok, string Log) Shell(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            string error = process.StandardError.ReadToEnd();
            bool finished = process.WaitForExit(TimeSpan.FromMinutes(10));
            if (!finished)
            {
                process.Kill(entireProcessTree: true);
                return (false, "timed out after 10 minutes");
            }

            return (process.ExitCode == 0, output.Result + error);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, e.Message);
        }
    }

    private static string LastLine(string log) =>
        log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no output";
}

/// <summary>A fact that needs a headless Chromium; skipped, with the reason, where none can be had.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.Path is null)
        {
            Skip = Chromium.Unavailable;
        }
    }
}
