using Mono.Unix.Native;

namespace Monotone.Pipeline;

/// <summary>
/// What says a file is unchanged without reading it: size, modification time, change time
/// and inode (docs/record.md). A replaced file gets a new inode; a file rewritten in place
/// with its modification time put back (<c>rsync --inplace -t</c>, <c>touch -r</c>) gets a
/// new change time, which no user-level call can set.
/// </summary>
/// <param name="Modified">Modification time: nanoseconds since 1970 on Unix, 100 ns ticks on Windows.</param>
/// <param name="Changed">Inode change time (ctime) in nanoseconds since 1970; 0 on Windows, which has none.</param>
/// <param name="Inode">The inode number; 0 on Windows.</param>
public readonly record struct FileIdentity(long Size, long Modified, long Changed, ulong Inode)
{
    /// <exception cref="IOException">The file cannot be examined.</exception>
    public static FileIdentity Of(string path)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            return Syscall.stat(path, out var stat) == 0
                ? new FileIdentity(stat.st_size, Nanoseconds(stat.st_mtime, stat.st_mtime_nsec), Nanoseconds(stat.st_ctime, stat.st_ctime_nsec), stat.st_ino)
                : throw new IOException($"{path}: cannot read its status ({Stdlib.GetLastError()})");
        }

        var info = new FileInfo(path);
        return new FileIdentity(info.Length, info.LastWriteTimeUtc.Ticks, 0, 0);
    }

    private static long Nanoseconds(long seconds, long nanoseconds) => (seconds * 1_000_000_000) + nanoseconds;
}
