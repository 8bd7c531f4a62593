using System.Runtime.InteropServices;
using Mono.Unix.Native;

namespace Monotone.Core;

/// <summary>
/// The parts of POSIX <c>stat(2)</c>/<c>lstat(2)</c> that .NET does not expose: the file type,
/// the device and inode that identify a file whatever path names it, and nanosecond modification
/// and change times. The one stat binding of the tool: input checks (<c>InputFileType</c>), safe
/// output (<c>AtomicFile</c>) and the hash memo's key (<c>FileIdentity</c>) all read it.
/// </summary>
/// <remarks>
/// Through Mono.Unix, the maintained successor of Mono.Posix, whose native helper
/// (libMono.Unix) knows each platform's <c>struct stat</c>, rather than reading libc's struct at
/// offsets guessed per C library and architecture; its functions are called directly
/// (<see cref="MonoUnixHelper"/>), which costs a short process 10-30 ms less than the first call
/// of Mono.Unix's managed wrappers. It also loads in MSBuild's task host, where
/// PlanPipeline fingerprints input files and writes definition files: MSBuild resolves the task
/// assembly's native dependencies from its <c>.deps.json</c> (tested by BuildFileInputTests).
/// On Windows, which has no <c>stat</c>, the status is .NET's view: <see cref="FileKind.Unknown"/>
/// for a file, no device, inode or change time, and the modification time in 100 ns ticks.
/// </remarks>
/// <param name="Kind">What the path names; <see cref="FileKind.Missing"/> when it cannot be examined.</param>
/// <param name="Device">st_dev; 0 on Windows.</param>
/// <param name="Inode">st_ino; 0 on Windows.</param>
/// <param name="Size">st_size in bytes.</param>
/// <param name="Modified">Modification time: nanoseconds since 1970 on Unix, 100 ns ticks since year 1 on Windows.</param>
/// <param name="Changed">Inode change time (ctime) in nanoseconds since 1970; 0 on Windows, which has none.</param>
/// <param name="Error">The errno name (<c>ENOENT</c>, <c>EACCES</c>) when the path could not be examined; otherwise null.</param>
public readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode, long Size, long Modified, long Changed, string? Error = null)
{
    /// <summary>The object at <paramref name="path"/>, following symbolic links when <paramref name="followLinks"/> is set.</summary>
    /// <exception cref="DllNotFoundException">Mono.Unix's native helper is missing from the installation (on Linux or macOS).</exception>
    public static FileStatus Of(string path, bool followLinks)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return Fallback(path);
        }

        Stat stat;
        int result;
        unsafe
        {
            result = followLinks ? MonoUnixHelper.Stat(path, &stat) : MonoUnixHelper.LinkStat(path, &stat);
        }

        if (result != 0)
        {
            return new FileStatus(FileKind.Missing, 0, 0, 0, 0, 0, ErrnoName(Marshal.GetLastPInvokeError()));
        }

        return new FileStatus(
            KindOf(stat.st_mode & FilePermissions.S_IFMT),
            stat.st_dev,
            stat.st_ino,
            stat.st_size,
            Nanoseconds(stat.st_mtime, stat.st_mtime_nsec),
            Nanoseconds(stat.st_ctime, stat.st_ctime_nsec));
    }

    /// <summary>Whether two statuses name one existing file (same device and inode).</summary>
    public bool IsSameFileAs(FileStatus other) =>
        Kind is not (FileKind.Missing or FileKind.Unknown) && Kind == other.Kind && Device == other.Device && Inode == other.Inode;

    private static FileKind KindOf(FilePermissions type) => type switch
    {
        FilePermissions.S_IFREG => FileKind.RegularFile,
        FilePermissions.S_IFDIR => FileKind.Directory,
        FilePermissions.S_IFLNK => FileKind.SymbolicLink,
        FilePermissions.S_IFCHR => FileKind.CharacterDevice,
        FilePermissions.S_IFBLK => FileKind.BlockDevice,
        FilePermissions.S_IFIFO => FileKind.Fifo,
        FilePermissions.S_IFSOCK => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    // As Stdlib.GetLastError names it: ENOENT, EACCES.
    private static unsafe string ErrnoName(int value)
    {
        Errno errno;
        return MonoUnixHelper.ToErrno(value, &errno) == 0 ? errno.ToString() : $"errno {value}";
    }

    private static long Nanoseconds(long seconds, long nanoseconds) => (seconds * 1_000_000_000) + nanoseconds;

    private static FileStatus Fallback(string path)
    {
        if (Directory.Exists(path))
        {
            return new FileStatus(FileKind.Directory, 0, 0, 0, Directory.GetLastWriteTimeUtc(path).Ticks, 0);
        }

        var info = new FileInfo(path);
        return info.Exists
            ? new FileStatus(FileKind.Unknown, 0, 0, info.Length, info.LastWriteTimeUtc.Ticks, 0)
            : new FileStatus(FileKind.Missing, 0, 0, 0, 0, 0, "ENOENT");
    }
}
