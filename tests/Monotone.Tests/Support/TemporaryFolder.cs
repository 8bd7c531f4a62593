namespace Monotone.Tests.Support;

/// <summary>A fresh folder per test, removed afterwards.</summary>
public sealed class TemporaryFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("monotone-test-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>A named pipe (FIFO) in the folder (<see cref="MakeFifo"/>); its path.</summary>
    public string Fifo(string name)
    {
        string path = File(name);
        MakeFifo(path);
        return path;
    }

    /// <summary>Makes a named pipe (FIFO) at <paramref name="path"/> with mkfifo(1): Linux and macOS only.</summary>
    public static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
