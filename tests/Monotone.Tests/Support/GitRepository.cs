using System.Diagnostics;

namespace Monotone.Tests.Support;

/// <summary>A throw-away git repository in a temporary folder, with a fixed author so that it commits anywhere.</summary>
public sealed class GitRepository : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public GitRepository()
    {
        Git("init", "-q");
    }

    public string Path => folder.Path;

    public string File(string name) => folder.File(name);

    /// <summary>Writes <paramref name="name"/>, commits it, and returns the new commit's full hash.</summary>
    public string Commit(string name, string content)
    {
        string path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        Git("add", "--", name);
        Git("-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false", "commit", "-q", "-m", $"change {name}");
        return Git("rev-parse", "HEAD");
    }

    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {error.Result}");
    }

    public void Dispose() => folder.Dispose();
}
