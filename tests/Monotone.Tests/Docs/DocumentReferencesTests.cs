using System.Text.RegularExpressions;
using Monotone.Tests.Support;

namespace Monotone.Tests.Docs;

/// <summary>Every document the tree cites is in the tree: design sections, and links in the README and docs/.</summary>
public sealed partial class DocumentReferencesTests
{
    private static readonly string[] SourceFolders = ["tools", "build", "tests", "benchmarks", "scripts", "paper"];
    private static readonly string[] SourceExtensions = [".cs", ".props", ".targets", ".csproj", ".py", ".sh", ".yaml", ".json"];

    [Fact]
    public void Every_design_section_cited_in_the_code_exists()
    {
        string design = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "design.md"));
        var sections = SectionHeading().Matches(design).Select(m => m.Groups[1].Value).ToHashSet();

        var missing = SourceFiles()
            .SelectMany(file => DesignCitation().Matches(File.ReadAllText(file)).Select(m => (file, section: m.Groups[1].Value)))
            .Where(c => !sections.Contains(c.section))
            .Select(c => $"{Path.GetRelativePath(RepositoryRoot.Path, c.file)}: §{c.section}")
            .ToList();

        Assert.NotEmpty(sections);
        Assert.Empty(missing);
    }

    [Fact]
    public void No_file_cites_a_design_document_outside_the_repository()
    {
        var citing = SourceFiles()
            .Where(file => BareDesignCitation().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(RepositoryRoot.Path, file))
            .ToList();

        Assert.Empty(citing);
    }

    [Fact]
    public void Every_local_link_in_the_readme_and_docs_resolves()
    {
        var documents = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md")
            .Append(Path.Combine(RepositoryRoot.Path, "README.md"));

        var broken = (
            from document in documents
            from Match link in MarkdownLink().Matches(File.ReadAllText(document))
            let target = link.Groups[1].Value.Split('#')[0]
            where target.Length > 0 && !target.Contains("://", StringComparison.Ordinal)
            let resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, target))
            where !File.Exists(resolved) && !Directory.Exists(resolved)
            select $"{Path.GetRelativePath(RepositoryRoot.Path, document)}: {link.Groups[1].Value}").ToList();

        Assert.Empty(broken);
    }

    private static IEnumerable<string> SourceFiles() =>
        SourceFolders
            .Select(folder => Path.Combine(RepositoryRoot.Path, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(RepositoryRoot.Path, "Directory.*"))
            .Where(file => SourceExtensions.Contains(Path.GetExtension(file), StringComparer.Ordinal))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.EndsWith(nameof(DocumentReferencesTests) + ".cs", StringComparison.Ordinal));

    [GeneratedRegex(@"^## §([0-9]+) ", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"docs/design\.md §([0-9]+)")]
    private static partial Regex DesignCitation();

    // The upper-case design notes file, not preceded by "docs/": the notes that live outside the repository.
    [GeneratedRegex(@"(?<![A-Za-z/])DESIGN\.md")]
    private static partial Regex BareDesignCitation();

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
