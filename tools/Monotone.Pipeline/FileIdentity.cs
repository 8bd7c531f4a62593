using Monotone.Core;

namespace Monotone.Pipeline;

/// <summary>
/// What says a file is unchanged without reading it: size, modification time, change time
/// and inode (docs/record.md). A replaced file gets a new inode; a file rewritten in place
/// with its modification time put back (<c>rsync --inplace -t</c>, <c>touch -r</c>) gets a
/// new change time, which no user-level call can set. The hash memo stores it as its key.
/// </summary>
/// <param name="Modified">Modification time: nanoseconds since 1970 on Unix, 100 ns ticks on Windows.</param>
/// <param name="Changed">Inode change time (ctime) in nanoseconds since 1970; 0 on Windows, which has none.</param>
/// <param name="Inode">The inode number; 0 on Windows.</param>
public readonly record struct FileIdentity(long Size, long Modified, long Changed, ulong Inode)
{
    /// <summary>The identity of the file at <paramref name="path"/> (links followed), from <see cref="FileStatus"/>.</summary>
    /// <exception cref="IOException">The file cannot be examined.</exception>
    public static FileIdentity Of(string path)
    {
        var status = FileStatus.Of(path, followLinks: true);
        return status.Kind == FileKind.Missing
            ? throw new IOException($"{path}: cannot read its status ({status.Error})")
            : new FileIdentity(status.Size, status.Modified, status.Changed, status.Inode);
    }
}
