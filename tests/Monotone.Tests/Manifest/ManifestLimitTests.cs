using Monotone.Core;
using Monotone.Manifest;
using Monotone.Tests.Support;
using static Monotone.Tests.Manifest.ManifestAssert;

namespace Monotone.Tests.Manifest;

/// <summary>
/// Hostile and mistaken manifests (issue 11, "Manifest diagnostics", "Paths", "Resource bombs"):
/// each is refused by the reader, so by `status`, at the line and column to fix.
/// </summary>
public class ManifestLimitTests
{
    private const string Head = "title: x\ndata: { source: synthetic }\nsequence_lengths: [16]\nmodels:\n  - id: org/model\n    layers: 2\n    heads: 2\n";

    [Theory]
    [InlineData("title: x\ndata:\n\tsource: synthetic\n", 3, 1, DiagnosticCodes.Manifest.Syntax)]
    [InlineData("title: x\ndata:\n  source: synthetic\n  \troot: /x\n", 4, 3, DiagnosticCodes.Manifest.Syntax)]
    public void A_tab_used_for_indentation_is_reported_at_the_tab(string yaml, int line, int column, string code)
    {
        ManifestAssert.Refused(Fails(yaml + "models:\n  - { id: a/b, layers: 1, heads: 1 }\n"), code, new SourceLocation(line, column), "tab");
    }

    [Theory]
    [InlineData("    label: null\n", 8, 12, DiagnosticCodes.Manifest.InvalidLabel, "label is null")]
    [InlineData("    label: ~\n", 8, 12, DiagnosticCodes.Manifest.InvalidLabel, "label is null")]
    [InlineData("    label: ..\n", 8, 12, DiagnosticCodes.Manifest.InvalidLabel, "label '..' would name the folder itself or its parent")]
    [InlineData("    label: .\n", 8, 12, DiagnosticCodes.Manifest.InvalidLabel, "label '.' would name the folder itself or its parent")]
    [InlineData("    label: \"a\\n\"\n", 8, 12, DiagnosticCodes.Manifest.InvalidLabel, "label 'a\\n' names a folder: use letters, digits, '.', '-' and '_' (not the control or space character U+000A)")]
    [InlineData("    label: \"a\\0b\"\n", 8, 12, DiagnosticCodes.Manifest.InvalidValue, "label contains a NUL character ('a\\0b')")]
    [InlineData("    label: \"\\e[31mred\"\n", 8, 12, DiagnosticCodes.Manifest.InvalidLabel, "label '\\e[31mred' names a folder")]
    [InlineData("    label: |\n      bloom\n", 8, 12, DiagnosticCodes.Manifest.InvalidLabel, "label 'bloom\\n' names a folder")]
    [InlineData("    label: a/b\n", 8, 12, DiagnosticCodes.Manifest.InvalidLabel, "(not '/')")]
    public void A_label_that_cannot_name_a_folder_is_refused_at_the_label(string label, int line, int column, string code, string problem)
    {
        var error = ManifestAssert.Refused(Fails(Head + label), code, new SourceLocation(line, column), problem);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\0', error.Message);
        Assert.DoesNotContain('\u001b', error.Message);
    }

    [Fact]
    public void A_label_longer_than_a_file_name_is_refused_and_the_longest_accepted()
    {
        var error = ManifestAssert.Refused(Fails(Head + $"    label: {new string('a', ManifestLimits.MaxLabelBytes + 1)}\n"), DiagnosticCodes.Manifest.InvalidLabel, new SourceLocation(8, 12));
        Assert.Equal($"label is {ManifestLimits.MaxLabelBytes + 1} bytes long; names made from it (its folder, its lock file LABEL.N.lock) hold at most {ManifestLimits.MaxLabelBytes}", error.Problem);

        Assert.Equal(ManifestLimits.MaxLabelBytes, Read(Head + $"    label: {new string('a', ManifestLimits.MaxLabelBytes)}\n").Models[0].Label.Length);
    }

    [Fact]
    public void The_longest_label_at_the_longest_sequence_length_names_its_folder_and_lock_file()
    {
        using var study = new SampleStudy($"data:\n  source: synthetic\nsequence_lengths: [{ManifestLimits.MaxSequenceLength}]\nmodels:\n  - id: org/m\n    label: {new string('a', ManifestLimits.MaxLabelBytes)}\n    layers: 1\n    heads: 1\n");
        string label = new('a', ManifestLimits.MaxLabelBytes);
        string folder = Path.GetDirectoryName(study.Result(label, ManifestLimits.MaxSequenceLength))!;
        string locks = Path.Combine(study.Folder, ".monotone", "locks");
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(locks);

        // The names the pipeline makes from a label: its folder, and its lock file (checked by creating both).
        File.WriteAllText(Path.Combine(locks, $"{label}.{ManifestLimits.MaxSequenceLength}.lock"), "");
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public void An_id_ending_in_dot_dot_without_a_label_is_refused_at_the_id()
    {
        ManifestAssert.Refused(Fails(Head.Replace("org/model", "org/..", StringComparison.Ordinal)), DiagnosticCodes.Manifest.InvalidLabel, new SourceLocation(5, 9), "taken from the id 'org/..'; add a 'label'");
    }

    [Fact]
    public void A_nul_in_the_id_is_refused_at_the_id()
    {
        // Found by ManifestFuzzTests: a NUL in the id escaped as .NET's "Null character in path".
        var error = Fails("data: { source: files, root: /r }\nmodels:\n  - id: \"a\\0b\"\n    label: b\n");

        Assert.Equal(DiagnosticCodes.Manifest.InvalidValue, error.Code);
        Assert.Equal(3, error.Location.Line);
        Assert.StartsWith("id contains a NUL character", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_yaml_document_is_refused_at_its_start()
    {
        ManifestAssert.Refused(Fails(Head + "---\ntitle: ignored\n"), DiagnosticCodes.Manifest.SecondDocument, new SourceLocation(8, 1));
    }

    [Theory]
    [InlineData("    analysis: { slopes: '0.5,0.25,0.125' }\n", DiagnosticCodes.Manifest.SlopeCount, "the slope list has 3 values but the model has 2 heads")]
    [InlineData("    analysis: { slopes: '0.5' }\n", DiagnosticCodes.Manifest.SlopeCount, "the slope list has 1 values but the model has 2 heads")]
    public void A_slope_list_of_another_length_than_heads_is_refused_at_the_list(string analysis, string code, string problem)
    {
        var error = ManifestAssert.Refused(Fails(Head + analysis), code, new SourceLocation(8, 25));
        Assert.Equal(problem, error.Problem);
    }

    [Fact]
    public void A_slope_list_for_a_model_without_heads_is_refused()
    {
        ManifestAssert.Refused(Fails("data: { source: files, root: /x }\nmodels:\n  - id: a/b\n    analysis: { slopes: '0.5,0.25' }\n"), DiagnosticCodes.Manifest.MissingKey, new SourceLocation(4, 25));
    }

    [Theory]
    [InlineData("    layers: 1000000000\n", "layers", 1, 4096)]
    [InlineData("    heads: 1000000000\n", "heads", 2, 4096)]
    [InlineData("    sequence_lengths: [16, 100000]\n", "sequence_lengths", 0, 16384)]
    [InlineData("    layers: 99999999999999999999\n", "layers", 1, -1)]
    public void Values_above_their_limit_are_refused_at_the_value(string line, string key, int replaced, int limit)
    {
        string yaml = Head;
        if (replaced == 1)
        {
            yaml = yaml.Replace("    layers: 2\n", line, StringComparison.Ordinal);
        }
        else if (replaced == 2)
        {
            yaml = yaml.Replace("    heads: 2\n", line, StringComparison.Ordinal);
        }
        else
        {
            yaml += line;
        }

        var error = Fails(yaml);

        Assert.Contains(key, error.Problem, StringComparison.Ordinal);
        if (limit > 0)
        {
            Assert.Equal(DiagnosticCodes.Manifest.Limit, error.Code);
            Assert.EndsWith($"is above the limit of {limit} (docs/errors.md says why)", error.Problem, StringComparison.Ordinal);
        }
        else
        {
            // Beyond long, the number is no number at all.
            Assert.Equal(DiagnosticCodes.Manifest.InvalidValue, error.Code);
        }
    }

    [Fact]
    public void The_limits_themselves_are_accepted()
    {
        var model = Read(Head
            .Replace("layers: 2", $"layers: {ManifestLimits.MaxLayers}", StringComparison.Ordinal)
            .Replace("[16]", $"[{ManifestLimits.MaxSequenceLength}]", StringComparison.Ordinal)).Models[0];

        Assert.Equal(ManifestLimits.MaxLayers, model.Layers);
        Assert.Equal([ManifestLimits.MaxSequenceLength], model.Settings.SequenceLengths);
    }

    [Theory]
    [InlineData("flow", 50_000)]
    [InlineData("block", 1_000)]
    [InlineData("flow", ManifestLimits.MaxDepth - 1)]
    public void Deep_nesting_is_one_error_not_a_stack_overflow(string style, int depth)
    {
        string nested = style == "flow"
            ? "extra: " + new string('[', depth) + new string(']', depth) + "\n"
            : "extra:\n" + string.Concat(Enumerable.Range(1, depth).Select(i => new string(' ', i) + "a:\n"));

        var error = Fails(Head + nested);

        // The shape is checked before keys: depth beyond the limit is MONO009, within it the unknown key.
        Assert.Equal(depth > ManifestLimits.MaxDepth ? DiagnosticCodes.Manifest.Limit : DiagnosticCodes.Manifest.UnknownKey, error.Code);
    }

    [Fact]
    public void A_manifest_larger_than_the_limit_is_refused_before_parsing()
    {
        var error = Fails(Head + "# " + new string('x', ManifestLimits.MaxBytes) + "\n");

        Assert.Equal(DiagnosticCodes.Manifest.Limit, error.Code);
        Assert.Equal(SourceLocation.Start, error.Location);
    }

    [Theory]
    [InlineData("${A:-${B}}", "/b", "/b")]
    [InlineData("${A:-${B:-/fallback}}/x", null, "/fallback/x")]
    [InlineData("${B:-${A:-/unused}}", "/b", "/b")]
    [InlineData("$HOME/${B}", "/b", "$HOME//b")]
    public void Nested_defaults_expand_as_a_shell_does(string root, string? b, string expected)
    {
        var manifest = Read($"data: {{ source: files, root: '{root}' }}\nmodels:\n  - id: a/b\n", environment: name => name == "B" ? b : null);

        Assert.Equal(expected, manifest.Models[0].Settings.Root);
    }

    /// <summary>
    /// A value of <c>data:</c> that cannot name a path is refused on its line (1) with its code and a problem that
    /// names the key: a NUL character (found by ManifestFuzzTests: it escaped as .NET's "Null character in path"), an
    /// expansion other than <c>${NAME}</c> and <c>${NAME:-default}</c>, an unclosed one, an unset variable.
    /// </summary>
    [Theory]
    [InlineData("root: \"/r\\0\"", DiagnosticCodes.Manifest.InvalidValue, "root contains a NUL character")]
    [InlineData("root: /r, file: \"a\\0.pt\"", DiagnosticCodes.Manifest.InvalidValue, "file contains a NUL character")]
    [InlineData("root: /r, layout: \"{root}/\\0\"", DiagnosticCodes.Manifest.InvalidValue, "layout contains a NUL character")]
    [InlineData("root: '${A:-${B}}'", DiagnosticCodes.Manifest.UnsetVariable, "environment variable B is not set")]
    [InlineData("root: '${A:-/x'", DiagnosticCodes.Manifest.Template, "root: '${' is not closed by '}'")]
    [InlineData("root: '${A'", DiagnosticCodes.Manifest.Template, "root: '${A' is not closed by '}'")]
    [InlineData("root: '${A:=x}'", DiagnosticCodes.Manifest.Template, "root: '${A' must be followed by '}' or ':-default}', not ':' (only ${NAME} and ${NAME:-default} expand)")]
    [InlineData("root: '${}'", DiagnosticCodes.Manifest.Template, "root: '${' at offset 0 is not followed by a variable name")]
    [InlineData("root: /x, layout: '{root}/{model_dir'", DiagnosticCodes.Manifest.Template, "layout's '{' at offset 7 is not closed by '}'")]
    [InlineData("root: /x, layout: '{root}/model_dir}/{file}'", DiagnosticCodes.Manifest.Template, "layout has an unmatched '}' at offset 16")]
    public void A_data_value_that_cannot_name_a_path_is_refused_on_its_line(string data, string code, string problem)
    {
        var error = Fails($"data: {{ source: files, {data} }}\nmodels:\n  - id: a/b\n");

        Assert.Equal(code, error.Code);
        Assert.Equal(1, error.Location.Line);
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_nested_beyond_the_limit_are_refused_without_recursing_further()
    {
        string root = string.Concat(Enumerable.Repeat("${A:-", 10_000)) + "/x" + new string('}', 10_000);

        var error = Fails($"data: {{ source: files, root: '{root}' }}\nmodels:\n  - id: a/b\n");

        Assert.Equal(DiagnosticCodes.Manifest.Template, error.Code);
        Assert.Contains($"defaults nest more than {ManifestLimits.MaxExpansionDepth} levels deep", error.Problem, StringComparison.Ordinal);
    }
}
