using System.Runtime.InteropServices;

namespace Monotone.Pipeline;

/// <summary>
/// What says a file is unchanged without reading it: size, modification time and
/// inode. A replaced file gets a new inode even when size and time match.
/// </summary>
public readonly record struct FileIdentity(long Size, long ModifiedTicks, ulong Inode)
{
    public static FileIdentity Of(string path)
    {
        var info = new FileInfo(path);
        return new FileIdentity(info.Length, info.LastWriteTimeUtc.Ticks, InodeOf(path));
    }

    // .NET does not expose inodes. glibc's and macOS's struct stat both hold the
    // 64-bit inode at offset 8; elsewhere (Windows) the memo does without it.
    private static ulong InodeOf(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return 0;
        }

        try
        {
            Span<byte> buffer = stackalloc byte[512];
            return Stat(path, ref MemoryMarshal.GetReference(buffer)) == 0
                ? MemoryMarshal.Read<ulong>(buffer[8..])
                : 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return 0;
        }
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte buffer);
}
