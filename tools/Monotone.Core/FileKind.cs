namespace Monotone.Core;

/// <summary>What kind of file system object a path names (<see cref="FileStatus"/>).</summary>
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

    /// <summary>A type <c>stat</c> reports that no other member names, or a file on Windows (no <c>stat</c>); callers fall back to .NET's view.</summary>
    Unknown,
}
