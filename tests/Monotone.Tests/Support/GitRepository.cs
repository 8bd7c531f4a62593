using System.Diagnostics;

namespace Monotone.Tests.Support;

/// <summary>A throw-away git repository in a temporary folder, with a fixed author so that it commits anywhere.</summary>
public sealed class GitRepository : IDisposable
{
    private readonly TemporaryFolder? owned;

    /// <param name="existing">A folder to make a repository of (the caller removes it); null for a new temporary one.</param>
    public GitRepository(string? existing = null)
    {
        owned = existing is null ? new TemporaryFolder() : null;
        Path = existing ?? owned!.Path;
        Git("init", "-q");
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Writes <paramref name="name"/>, commits it, and returns the new commit's full hash.</summary>
    public string Commit(string name, string content)
    {
        string path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        Git("add", "--", name);
        return CommitStaged($"change {name}");
    }

    /// <summary>Commits every file in the folder; returns the new commit's full hash.</summary>
    public string CommitAll()
    {
        Git("add", "-A");
        return CommitStaged("everything");
    }

    private string CommitStaged(string message)
    {
        Git("-c", "commit.gpgsign=false", "commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD");
    }

    /// <summary>Runs `git ARGUMENTS` in the repository as the fixed author; returns its trimmed stdout, throws on a non-zero exit.</summary>
    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path };
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "Test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.org";
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

    public void Dispose() => owned?.Dispose();
}
