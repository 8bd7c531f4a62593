using System.Text.RegularExpressions;
using System.Xml.Linq;
using Monotone.Tests.Support;

namespace Monotone.Tests.Docs;

/// <summary>
/// The two tables a maintainer reads to find a stage (the README's "For maintainers" and
/// docs/layout.md) name every project of the solution, and every folder they name exists: a
/// project added, moved or removed without its row fails here.
/// </summary>
public sealed partial class LayoutTableTests
{
    /// <summary>Each document with the heading its folder table follows.</summary>
    public static TheoryData<string, string> Tables() => new()
    {
        { "README.md", "## For maintainers" },
        { "docs/layout.md", "# Repository layout" },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void The_table_names_the_folder_of_every_project_of_the_solution(string document, string heading)
    {
        var named = NamedPaths(document, heading);

        var missing = SolutionProjectFolders()
            .Where(folder => !named.Contains(folder) && !named.Contains(folder + "/"))
            .ToList();

        Assert.NotEmpty(named);
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Tables))]
    public void Every_folder_or_file_the_table_names_exists(string document, string heading)
    {
        var absent = NamedPaths(document, heading)
            .Where(path => !Directory.Exists(Path.Combine(RepositoryRoot.Path, path)) && !File.Exists(Path.Combine(RepositoryRoot.Path, path)))
            .ToList();

        Assert.Empty(absent);
    }

    /// <summary>The folder of each project in Monotone.slnx, e.g. "tools/Monotone.Core" ("paper" for paper/Monotone.Paper.csproj).</summary>
    private static List<string> SolutionProjectFolders() =>
        XDocument.Load(Path.Combine(RepositoryRoot.Path, "Monotone.slnx"))
            .Descendants("Project")
            .Select(project => Path.GetDirectoryName((string)project.Attribute("Path")!)!.Replace('\\', '/'))
            .ToList();

    /// <summary>
    /// The repository paths written in backticks ("| ... `tools/Monotone.Core` ... |") in the first
    /// table after the heading; other tables name outputs a fresh clone does not have yet.
    /// </summary>
    private static HashSet<string> NamedPaths(string document, string heading) =>
        File.ReadLines(Path.Combine(RepositoryRoot.Path, document))
            .SkipWhile(line => line != heading)
            .SkipWhile(line => !line.StartsWith('|'))
            .TakeWhile(line => line.StartsWith('|'))
            .SelectMany(line => RepositoryPath().Matches(line).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"`((?:tools|build|tests|benchmarks|paper|experiments|scripts)(?:/[A-Za-z0-9._-]+)*/?)`")]
    private static partial Regex RepositoryPath();
}
