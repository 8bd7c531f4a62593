using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Monotone.Core;

namespace Monotone.Results;

/// <summary>
/// Writes files so that a reader, or a run killed midway, never sees a partial
/// one: the bytes go to a temporary file <c>.NAME.PID.GUID.tmp</c> beside the target,
/// which is then renamed over it in one step.
/// </summary>
/// <remarks>
/// What is at the path decides how (docs/errors.md, "Output paths"):
/// a regular file or nothing is replaced atomically; a symbolic link is kept and its
/// final target replaced atomically; a character device (<c>/dev/null</c>, a terminal) is
/// written through, since it stores nothing a rename could protect; a directory, pipe,
/// socket or block device is refused (a rename would destroy a device node, and a pipe
/// without a reader would block forever). Every failure is an <see cref="OutputFileException"/>
/// that names the path asked for, never the temporary file.
/// </remarks>
public static partial class AtomicFile
{
    private const int NoSpaceErrno = 28;   // ENOSPC
    private const int QuotaErrno = 122;    // EDQUOT (Linux)

    /// <summary>
    /// Checks, before any work, that <paramref name="path"/> can receive a result, and
    /// probes its folder for write permission when the folder exists.
    /// </summary>
    /// <param name="input">A file the output must not be (compared by device and inode); null for none.</param>
    /// <exception cref="OutputFileException">The path cannot be written as asked.</exception>
    public static void Validate(string path, string? input = null)
    {
        string target = Resolve(path);
        if (input is not null && FileStatus.Of(target, followLinks: true).IsSameFileAs(FileStatus.Of(input, followLinks: true)))
        {
            throw new OutputFileException(DiagnosticCodes.CommandLineAndFiles.OutputIsInput, path, $"is the input {input} itself; choose another output file");
        }

        // Probe what the write will need: a new file in the folder, and an existing file that
        // can be replaced (an immutable one cannot, even by root).
        // A folder still to be created is probed at its nearest existing ancestor, where it will be made.
        string? folder = Path.GetDirectoryName(target);
        while (folder is not null && !Directory.Exists(folder))
        {
            folder = Path.GetDirectoryName(folder);
        }

        var kind = FileStatus.Of(target, followLinks: true).Kind;
        if (folder is not null && kind != FileKind.CharacterDevice)
        {
            Guarded(path, () =>
            {
                using (new FileStream(TemporaryName(Path.Combine(folder, Path.GetFileName(target))), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }

                if (kind == FileKind.RegularFile)
                {
                    using (new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1))
                    {
                    }
                }
            });
        }
    }

    /// <summary>Replaces <paramref name="path"/> with <paramref name="content"/> atomically (see the remarks on the type).</summary>
    /// <exception cref="OutputFileException">The path cannot be written; it names <paramref name="path"/>.</exception>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        string target = Resolve(path);
        if (FileStatus.Of(target, followLinks: true).Kind == FileKind.CharacterDevice)
        {
            WriteThrough(path, target, content);
            return;
        }

        string directory = Path.GetDirectoryName(target)!;
        string temporary = TemporaryName(target);
        byte[] bytes = content.ToArray();
        Guarded(path, () =>
        {
            Directory.CreateDirectory(directory);
            RemoveDebris(directory);
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, target, overwrite: true);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        });
    }

    /// <summary>Writes only when the content differs, so unchanged outputs keep their timestamps.</summary>
    /// <returns>Whether the file was written.</returns>
    public static bool WriteIfChanged(string path, ReadOnlySpan<byte> content)
    {
        if (FileStatus.Of(path, followLinks: true).Kind == FileKind.RegularFile
            && new FileInfo(path).Length == content.Length
            && content.SequenceEqual(File.ReadAllBytes(path)))
        {
            return false;
        }

        Write(path, content);
        return true;
    }

    /// <summary>
    /// Removes temporary files in <paramref name="directory"/> whose writing process is gone (a run
    /// killed between writing and renaming); a live process's are left alone. Best effort: a file
    /// that cannot be removed now is removed by a later write.
    /// </summary>
    public static void RemoveDebris(string directory)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, ".*.tmp").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (string file in candidates)
        {
            if (WriterOf(Path.GetFileName(file)) is { } pid && !IsRunning(pid))
            {
                TryDelete(file);
            }
        }
    }

    /// <summary>The one-line problem for a failure to write <paramref name="path"/>.</summary>
    public static OutputFileException Describe(string path, Exception failure) => failure switch
    {
        OutputFileException known => known,
        UnauthorizedAccessException => new(DiagnosticCodes.CommandLineAndFiles.AccessDenied, path, $"cannot write here: permission denied, or the file or its folder is immutable ({Folder(path)})", failure),
        IOException io when io.HResult is NoSpaceErrno or QuotaErrno || io.Message.Contains("No space left", StringComparison.Ordinal) =>
            new(DiagnosticCodes.CommandLineAndFiles.DiskFull, path, $"the disk is full (or the quota reached): the result was not written and any previous one is unchanged ({Folder(path)})", failure),
        IOException io => new(DiagnosticCodes.CommandLineAndFiles.FileSystem, path, $"cannot write: {Reason(io, path)}", failure),
        _ => throw new ArgumentException($"not a file-system failure: {failure.GetType().Name}", nameof(failure)),
    };

    // The path writes go to: the final target of a symbolic link; refuses what cannot be replaced.
    private static string Resolve(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new OutputFileException(DiagnosticCodes.CommandLineAndFiles.OutputPath, $"'{path}'", "the output path is empty");
        }

        string full = Path.GetFullPath(path);
        if (path.EndsWith('/') || path.EndsWith(Path.DirectorySeparatorChar))
        {
            throw new OutputFileException(DiagnosticCodes.CommandLineAndFiles.OutputPath, path, "names a folder; give a file name");
        }

        // The object the path finally names decides (a link to a pipe is a pipe, whatever the
        // link's text says: /dev/stdout resolves to /proc/self/fd/1 and then to "pipe:[...]").
        string? refusal = FileStatus.Of(full, followLinks: true).Kind switch
        {
            FileKind.Directory => "is a directory",
            FileKind.Fifo => "is a pipe (FIFO); leave out -o to write to standard output",
            FileKind.Socket => "is a socket",
            FileKind.BlockDevice => "is a block device; results are never written onto a disk device",
            _ => null,
        };
        if (refusal is not null)
        {
            throw new OutputFileException(DiagnosticCodes.CommandLineAndFiles.OutputPath, path, refusal);
        }

        string target = full;
        if (FileStatus.Of(full, followLinks: false).Kind == FileKind.SymbolicLink
            && FileStatus.Of(full, followLinks: true).Kind != FileKind.CharacterDevice)
        {
            try
            {
                target = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
            }
            catch (IOException e)
            {
                throw new OutputFileException(DiagnosticCodes.CommandLineAndFiles.OutputPath, path, $"is a symbolic link that cannot be followed ({Reason(e, path)})", e);
            }
        }

        for (string? folder = Path.GetDirectoryName(target); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var kind = FileStatus.Of(folder, followLinks: true).Kind;
            if (kind == FileKind.Directory)
            {
                break;
            }

            if (kind != FileKind.Missing)
            {
                throw new OutputFileException(DiagnosticCodes.CommandLineAndFiles.OutputPath, path, $"cannot be created: {folder} is not a folder");
            }
        }

        return target;
    }

    private static void WriteThrough(string path, string target, ReadOnlySpan<byte> content)
    {
        byte[] bytes = content.ToArray();
        Guarded(path, () =>
        {
            using var stream = new FileStream(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
            stream.Write(bytes);
        });
    }

    private static void Guarded(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Describe(path, e);
        }
    }

    private static string TemporaryName(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");

    // The pid in ".NAME.PID.GUID.tmp", or null for a file this class did not name.
    private static int? WriterOf(string name)
    {
        string[] parts = name.Split('.');
        return parts.Length >= 5
            && parts[^1] == "tmp"
            && parts[^2].Length == 32 && parts[^2].All(char.IsAsciiHexDigitLower)
            && int.TryParse(parts[^3], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
            ? pid
            : null;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next write into this folder to remove.
        }
    }

    private static string Folder(string path) => $"folder {Path.GetDirectoryName(Path.GetFullPath(path))}";

    // .NET quotes the path it failed on, often the temporary file; say the path the user knows.
    private static string Reason(IOException e, string path) =>
        QuotedPath().Replace(e.Message, _ => $"'{path}'").Trim();

    [GeneratedRegex("'[^']*'")]
    private static partial Regex QuotedPath();
}
