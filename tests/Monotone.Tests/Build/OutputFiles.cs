using System.Security.Cryptography;

namespace Monotone.Tests.Build;

/// <summary>
/// Every file a pipeline run may write in a study (experiments/, paper/ apart from the project's
/// obj/ and bin/, the stage records), with its last write time and SHA-256: two snapshots that are
/// equal mean a run wrote nothing.
/// </summary>
internal sealed record OutputFiles(SortedDictionary<string, string> Files)
{
    public static OutputFiles Take(string folder)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string top in new[] { "experiments", "paper", Path.Combine(".monotone", "stages") })
        {
            string root = Path.Combine(folder, top);
            if (!Directory.Exists(root))
            {
                continue;
            }

            foreach (string file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(folder, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
                {
                    continue;
                }

                files[relative] = $"{File.GetLastWriteTimeUtc(file):O} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))}";
            }
        }

        return new OutputFiles(files);
    }

    /// <summary>Asserts that no file was added, removed, rewritten or touched since <paramref name="before"/>.</summary>
    /// <param name="log">Shown when the assertion fails: the log of what ran in between.</param>
    public void AssertUnchangedSince(OutputFiles before, string log)
    {
        Assert.NotEmpty(before.Files);
        var changed = before.Files.Keys.Union(Files.Keys).Where(f => before.Files.GetValueOrDefault(f) != Files.GetValueOrDefault(f)).ToList();
        Assert.True(changed.Count == 0, $"changed: {string.Join(", ", changed)}\n{log}");
    }
}
