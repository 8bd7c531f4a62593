namespace Monotone.Figures;

/// <summary>
/// A generated file and how to make its bytes: the one description of a layer's
/// outputs that writing them (`figures`, `appendix`) and checking them (`verify`) share.
/// </summary>
public sealed record PlannedFile(string Path, Func<byte[]> Content)
{
    /// <summary>Writes the file, only when its bytes change.</summary>
    public WrittenFile Write() => WrittenFile.Write(Path, Content());

    /// <summary>Whether the file on disk holds exactly the bytes it should.</summary>
    public bool IsCurrent() => File.Exists(Path) && File.ReadAllBytes(Path).AsSpan().SequenceEqual(Content());
}
