namespace Monotone.Pipeline;

/// <summary>
/// An exclusive lock on one experiment, held while it is analysed and written.
/// .NET takes an advisory flock for FileShare.None on Unix, which the OS releases
/// when the process dies, so a killed run never leaves a stuck lock behind.
/// </summary>
internal sealed class ExperimentLock : IDisposable
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
            catch (IOException e) when (IsHeldElsewhere(e) && !cancellation.IsCancellationRequested)
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

    // Only a lock held by another process is worth waiting for; a read-only or full
    // disk must fail now, not wait forever. .NET reports flock's EWOULDBLOCK as the
    // errno (11 on Linux, 35 on macOS), and Windows as a sharing violation.
    private static bool IsHeldElsewhere(IOException e) =>
        e.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);
}
