using System.Runtime.InteropServices;

namespace Monotone.Results;

/// <summary>What kind of file system object a path names.</summary>
public enum FileKind
{
    Missing,
    RegularFile,
    Directory,
    SymbolicLink,
    CharacterDevice,
    BlockDevice,
    Fifo,
    Socket,

    /// <summary>The platform's <c>struct stat</c> is not one this type knows (Windows); callers fall back to .NET's view.</summary>
    Unknown,
}

/// <summary>
/// The parts of POSIX <c>stat(2)</c> that .NET does not expose: the file type and the
/// device and inode that identify a file whatever path names it.
/// </summary>
/// <remarks>
/// Own P/Invoke rather than Tmds.LibC or Mono.Unix: both ship only runtime-specific
/// assemblies (runtimes/linux-*/), which the MSBuild task host that runs PlanPipeline
/// does not resolve, and AtomicFile runs there. Layouts are glibc's (x86-64, arm64)
/// and macOS's; <c>stat</c> and <c>lstat</c> are exported symbols since glibc 2.33.
/// </remarks>
public readonly record struct FileStatus(FileKind Kind, ulong Device, ulong Inode)
{
    private const uint TypeMask = 0xF000;

    /// <summary>The object at <paramref name="path"/>, following symbolic links when <paramref name="followLinks"/> is set.</summary>
    public static FileStatus Of(string path, bool followLinks)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return Fallback(path);
        }

        Span<byte> buffer = stackalloc byte[512];
        int result;
        try
        {
            result = followLinks
                ? Stat(path, ref MemoryMarshal.GetReference(buffer))
                : LinkStat(path, ref MemoryMarshal.GetReference(buffer));
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return Fallback(path);
        }

        if (result != 0)
        {
            return new FileStatus(FileKind.Missing, 0, 0);
        }

        (ulong device, ulong inode, uint mode) = Layout(buffer);
        return new FileStatus(KindOf(mode & TypeMask), device, inode);
    }

    /// <summary>Whether two statuses name one existing file (same device and inode).</summary>
    public bool IsSameFileAs(FileStatus other) =>
        Kind is not (FileKind.Missing or FileKind.Unknown) && Kind == other.Kind && Device == other.Device && Inode == other.Inode;

    private static (ulong Device, ulong Inode, uint Mode) Layout(ReadOnlySpan<byte> stat)
    {
        if (OperatingSystem.IsMacOS())
        {
            // dev_t is 32-bit, st_mode a 16-bit field at 4, st_ino 64-bit at 8.
            return (MemoryMarshal.Read<uint>(stat), MemoryMarshal.Read<ulong>(stat[8..]), MemoryMarshal.Read<ushort>(stat[4..]));
        }

        // glibc: st_dev at 0 and st_ino at 8 everywhere; st_mode follows st_nlink (8 bytes) on
        // x86-64, but precedes a 4-byte st_nlink on the generic layout (arm64).
        int modeOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;
        return (MemoryMarshal.Read<ulong>(stat), MemoryMarshal.Read<ulong>(stat[8..]), MemoryMarshal.Read<uint>(stat[modeOffset..]));
    }

    private static FileKind KindOf(uint type) => type switch
    {
        0x8000 => FileKind.RegularFile,
        0x4000 => FileKind.Directory,
        0xA000 => FileKind.SymbolicLink,
        0x2000 => FileKind.CharacterDevice,
        0x6000 => FileKind.BlockDevice,
        0x1000 => FileKind.Fifo,
        0xC000 => FileKind.Socket,
        _ => FileKind.Unknown,
    };

    private static FileStatus Fallback(string path) => new(
        Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Unknown : FileKind.Missing,
        0,
        0);

    [DllImport("libc", EntryPoint = "stat", SetLastError = true)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte buffer);

    [DllImport("libc", EntryPoint = "lstat", SetLastError = true)]
    private static extern int LinkStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, ref byte buffer);
}
