namespace Monotone.Tests.Support;

/// <summary>A 64 KiB tmpfs, mounted for one test: the one honest way to fill a disk.</summary>
public sealed class TinyFileSystem : IDisposable
{
    private static readonly Lazy<string?> Unavailable = new(() =>
    {
        if (!OperatingSystem.IsLinux())
        {
            return "tmpfs is Linux's";
        }

        try
        {
            using var probe = new TinyFileSystem();
            return null;
        }
        catch (InvalidOperationException e)
        {
            return e.Message;
        }
    });

    private readonly TemporaryFolder folder = new();

    public TinyFileSystem()
    {
        if (Immutable.Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.Path) != 0)
        {
            folder.Dispose();
            throw new InvalidOperationException("mount -t tmpfs is not permitted here (needs root, or CAP_SYS_ADMIN in a container)");
        }
    }

    /// <summary>Why no tmpfs can be mounted here, or null when one can.</summary>
    public static string? Why => Unavailable.Value;

    public string Path => folder.Path;

    public void Dispose()
    {
        Immutable.Run("umount", folder.Path);
        folder.Dispose();
    }
}

/// <summary>A fact that needs <see cref="TinyFileSystem"/>; skipped, with the reason, where none can be mounted.</summary>
public sealed class TinyFileSystemFactAttribute : FactAttribute
{
    public TinyFileSystemFactAttribute()
    {
        if (TinyFileSystem.Why is { } why)
        {
            Skip = why;
        }
    }
}
