using Monotone.Results;

namespace Monotone.Figures;

/// <summary>A generated file, and whether this run changed it (an unchanged file keeps its timestamp).</summary>
public sealed record WrittenFile(string Path, bool Changed, long Bytes)
{
    /// <summary>Rewrites the file only when its bytes differ, atomically.</summary>
    public static WrittenFile Write(string path, byte[] content) =>
        new(path, AtomicFile.WriteIfChanged(path, content), content.LongLength);
}
