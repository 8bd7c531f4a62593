using Monotone.Core;

namespace Monotone.TensorInput;

/// <summary>
/// Refuses, before opening it, an input that is not a regular file: opening a FIFO for reading
/// blocks until a writer comes (forever, in CI), a pipe (<c>/dev/stdin</c>, <c>&lt;(...)</c>)
/// cannot be read at the positions a tensor's view needs, and a directory or device is no tensor.
/// </summary>
public static class InputFileType
{
    /// <summary>Throws <see cref="BadInputException"/> (<see cref="DiagnosticCodes.Input.NotRegularFile"/>) unless
    /// <paramref name="path"/> is, after following links, a regular file; a missing path is left to the caller.</summary>
    public static void CheckRegular(string path)
    {
        // Unknown: Windows, where FileStatus has only .NET's view, which already told a directory apart.
        string? problem = FileStatus.Of(path, followLinks: true).Kind switch
        {
            FileKind.RegularFile or FileKind.Missing or FileKind.Unknown => null,
            FileKind.Directory => "is a directory, not a tensor file",
            FileKind.Fifo => "is a pipe or FIFO, not a regular file; the tensor's views are read at random positions, so save the stream to a file first",
            FileKind.CharacterDevice => "is a character device, not a tensor file",
            FileKind.BlockDevice => "is a block device, not a tensor file",
            FileKind.Socket => "is a socket, not a tensor file",
            _ => "is not a regular file",
        };
        if (problem is not null)
        {
            throw new BadInputException(DiagnosticCodes.Input.NotRegularFile, path, problem);
        }
    }
}
