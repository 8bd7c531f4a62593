namespace Monotone.Tests.Support;

/// <summary>The repository's root folder, found from the test binaries upwards.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Monotone.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Monotone.slnx not found above the test binaries");
    }
}
