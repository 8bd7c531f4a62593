namespace Monotone.Results;

/// <summary>
/// Fixed diagnostic codes for output paths and the file system (MONO041-MONO059;
/// docs/errors.md lists every code). Never renumber one.
/// </summary>
public static class FileErrorCodes
{
    /// <summary>An output path that cannot hold a result: empty, a directory, a pipe, socket or block device, or under a file.</summary>
    public const string OutputPath = "MONO041";

    /// <summary>The output is the input itself (the same device and inode, whatever the spelling).</summary>
    public const string OutputIsInput = "MONO042";

    /// <summary>Permission denied, or an immutable file or folder (UnauthorizedAccessException).</summary>
    public const string AccessDenied = "MONO043";

    /// <summary>The disk or the user's quota is full.</summary>
    public const string DiskFull = "MONO044";

    /// <summary>Any other failure of the file system while reading or writing a named file.</summary>
    public const string FileSystem = "MONO045";
}
