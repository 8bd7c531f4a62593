namespace Monotone.Results;

/// <summary>
/// Writes files so that a reader, or a run killed midway, never sees a partial
/// one: the bytes go to a temporary file beside the target, which is then renamed
/// over it in one step.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Writes only when the content differs, so unchanged outputs keep their timestamps.</summary>
    /// <returns>Whether the file was written.</returns>
    public static bool WriteIfChanged(string path, ReadOnlySpan<byte> content)
    {
        if (File.Exists(path) && new FileInfo(path).Length == content.Length && content.SequenceEqual(File.ReadAllBytes(path)))
        {
            return false;
        }

        Write(path, content);
        return true;
    }
}
