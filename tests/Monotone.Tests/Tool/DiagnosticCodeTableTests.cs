using System.Reflection;
using System.Text.RegularExpressions;
using Monotone.Core;
using Monotone.Tests.Support;
using Monotone.Tool;

namespace Monotone.Tests.Tool;

/// <summary>
/// docs/errors.md is the one table of diagnostic and exit codes. Codes are read from the
/// source files (every quoted "MONOnnn" in C#, .targets and .props under tools/ and build/),
/// so a code any branch adds later, in any project, is held to the table too.
/// </summary>
public partial class DiagnosticCodeTableTests
{
    private static readonly string Table = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "errors.md"));

    private static SortedSet<string> CodesInSource()
    {
        var codes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string folder in new[] { "tools", "build" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(RepositoryRoot.Path, file);
                if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin")
                    || Path.GetExtension(file) is not (".cs" or ".targets" or ".props"))
                {
                    continue;
                }

                codes.UnionWith(QuotedCode().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value));
            }
        }

        return codes;
    }

    private static SortedSet<string> CodesInTable() =>
        new(TableRow().Matches(Table).Select(m => m.Groups[1].Value), StringComparer.Ordinal);

    [Fact]
    public void Every_code_in_the_source_has_a_row_in_docs_errors_md()
    {
        var source = CodesInSource();

        Assert.Contains("MONO001", source);
        Assert.Empty(source.Except(CodesInTable()));
    }

    [Fact]
    public void Every_row_in_docs_errors_md_is_a_code_the_source_uses()
    {
        Assert.Empty(CodesInTable().Except(CodesInSource()));
    }

    [Fact]
    public void No_code_has_two_rows()
    {
        var rows = TableRow().Matches(Table).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(rows.Distinct().Count(), rows.Count);
    }

    [Fact]
    public void Every_exit_code_has_a_row_and_every_row_is_an_exit_code()
    {
        var documented = ExitRow().Matches(Table).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order();

        Assert.Equal(Enum.GetValues<ExitCode>().Select(c => (int)c).Order(), documented);
    }

    [Fact]
    public void Each_code_of_DiagnosticCodes_is_the_row_that_names_its_constant_and_each_such_row_is_one()
    {
        // "DiagnosticCodes.Manifest.Syntax" -> "MONO001", from the class and from the table's constant column.
        var constants = typeof(DiagnosticCodes).GetNestedTypes()
            .SelectMany(group => group.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(field => ($"{nameof(DiagnosticCodes)}.{group.Name}.{field.Name}", (string)field.GetRawConstantValue()!)))
            .OrderBy(pair => pair.Item1, StringComparer.Ordinal);
        var rows = ConstantRow().Matches(Table)
            .Select(m => (m.Groups[2].Value, m.Groups[1].Value))
            .OrderBy(pair => pair.Item1, StringComparer.Ordinal);

        Assert.Equal(constants, rows);
    }

    [Fact]
    public void Each_group_of_DiagnosticCodes_holds_only_its_range_in_docs_errors_md()
    {
        var ranges = new Dictionary<Type, (int First, int Last)>
        {
            [typeof(DiagnosticCodes.Manifest)] = (1, 19),
            [typeof(DiagnosticCodes.Input)] = (20, 39),
            [typeof(DiagnosticCodes.CommandLineAndFiles)] = (40, 59),
            [typeof(DiagnosticCodes.Record)] = (60, 74),
            [typeof(DiagnosticCodes.Diff)] = (75, 79),
            [typeof(DiagnosticCodes.Build)] = (1001, 9999),
        };

        Assert.Equal(ranges.Keys.Select(t => t.Name).Order(), typeof(DiagnosticCodes).GetNestedTypes().Select(t => t.Name).Order());
        foreach (var (group, (first, last)) in ranges)
        {
            var numbers = group.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(field => int.Parse(((string)field.GetRawConstantValue()!)["MONO".Length..], System.Globalization.CultureInfo.InvariantCulture));
            Assert.All(numbers, number => Assert.InRange(number, first, last));
        }
    }

    [GeneratedRegex("\"(MONO[0-9]{3,4})\"")]
    private static partial Regex QuotedCode();

    [GeneratedRegex(@"^\| (MONO[0-9]{3,4}) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"^\| (MONO[0-9]{3,4}) \| `(DiagnosticCodes\.[A-Za-z.]+)` \|", RegexOptions.Multiline)]
    private static partial Regex ConstantRow();

    [GeneratedRegex(@"^\| ([0-9]+) \| [a-z]", RegexOptions.Multiline)]
    private static partial Regex ExitRow();
}
