using Monotone.Pipeline;
using Monotone.Results;

namespace Monotone.Tool.Diff;

/// <summary>The result files on disk under <c>experiments/</c>, committed or not.</summary>
internal sealed class WorkingTreeResults : ResultSnapshot
{
    private readonly string folder;
    private readonly Dictionary<string, string> files = new(StringComparer.Ordinal);

    /// <param name="experimentsFolder">The manifest's <c>experiments/</c> folder; it may not exist (no results yet).</param>
    public WorkingTreeResults(string experimentsFolder)
    {
        folder = experimentsFolder;
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (string file in Directory.EnumerateFiles(folder, ResultJson.FileName, SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            if (KeyOf(relative) is string key)
            {
                files[key] = file;
            }
        }
    }

    public override string? Revision => null;

    public override string? Commit => null;

    public override IReadOnlyCollection<string> Keys => files.Keys;

    protected override string Origin(string key) => files[key];

    protected override byte[] Bytes(string key) => File.ReadAllBytes(files[key]);
}
