using System.Runtime.InteropServices;

namespace Monotone.TensorInput;

/// <summary>
/// Refuses, before opening it, an input that is not a regular file: opening a FIFO for reading
/// blocks until a writer comes (forever, in CI), a pipe (<c>/dev/stdin</c>, <c>&lt;(...)</c>)
/// cannot be read at the positions a tensor's view needs, and a directory or device is no tensor.
/// </summary>
internal static partial class InputFileType
{
    // The file type bits of FileStatus.Mode, as the runtime's System.Native defines them (pal_io.h).
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    /// <summary>Throws <see cref="BadInputException"/> (<see cref="InputErrorCodes.NotRegularFile"/>) unless
    /// <paramref name="path"/> is, after following links, a regular file; a missing path is left to the caller.</summary>
    public static void CheckRegular(string path)
    {
        if (System.IO.Directory.Exists(path))
        {
            throw NotRegular(path, "is a directory, not a tensor file");
        }

        if (OperatingSystem.IsWindows() || Mode(path) is not { } mode)
        {
            return;
        }

        string? problem = (mode & TypeMask) switch
        {
            Regular => null,
            Fifo => "is a pipe or FIFO, not a regular file; the tensor's views are read at random positions, so save the stream to a file first",
            CharacterDevice => "is a character device, not a tensor file",
            BlockDevice => "is a block device, not a tensor file",
            Socket => "is a socket, not a tensor file",
            _ => "is not a regular file",
        };
        if (problem is not null)
        {
            throw NotRegular(path, problem);
        }
    }

    private static BadInputException NotRegular(string path, string problem) => new(InputErrorCodes.NotRegularFile, path, problem);

    /// <summary>stat(2)'s st_mode through the runtime's own wrapper, the one FileInfo uses, whose
    /// FileStatus layout (Flags, then Mode) is fixed by the runtime, not by the C library.</summary>
    private static unsafe int? Mode(string path)
    {
        byte* status = stackalloc byte[512];
        try
        {
            return Stat(path, status) == 0 ? *(int*)(status + 4) : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int Stat(string path, byte* status);
}
