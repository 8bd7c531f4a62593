namespace Monotone.Pipeline;

/// <summary>
/// An exclusive lock on one experiment, held while it is analysed and written.
/// .NET takes an advisory flock for FileShare.None on Unix, which the OS releases
/// when the process dies, so a killed run never leaves a stuck lock behind.
/// </summary>
public sealed class ExperimentLock : IDisposable
{
    private readonly FileStream stream;

    private ExperimentLock(FileStream stream) => this.stream = stream;

    /// <param name="waiting">Called once if another process holds the lock and this one waits.</param>
    public static ExperimentLock Acquire(string lockFile, Action waiting, CancellationToken cancellation)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        bool told = false;
        while (true)
        {
            try
            {
                return new ExperimentLock(new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (!cancellation.IsCancellationRequested)
            {
                if (!told)
                {
                    waiting();
                    told = true;
                }

                cancellation.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(250));
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
