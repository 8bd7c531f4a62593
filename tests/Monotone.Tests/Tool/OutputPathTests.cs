using Monotone.Core;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Tool;

/// <summary>
/// `analyze -o`: the output is checked before any analysis, and what is at the path is never
/// destroyed (issue 11, "Output paths").
/// </summary>
public class OutputPathTests
{
    [Fact]
    public void An_empty_output_is_a_usage_error_before_any_analysis()
    {
        // The one line is all of standard error: no progress line, the analysis never started.
        ToolAssert.FailsWithLine(ToolRunner.Run("analyze", NotebookCases.Basic, "-o", ""), 2, "'': error MONO041: the output path is empty");
    }

    [Fact]
    public void An_output_that_is_the_input_is_refused_whatever_its_spelling()
    {
        using var folder = new TemporaryFolder();
        string input = folder.File("in.pt");
        File.Copy(NotebookCases.Basic, input);
        File.CreateSymbolicLink(folder.File("alias.json"), input);
        byte[] before = File.ReadAllBytes(input);

        foreach (string output in new[] { input, Path.Combine(folder.Path, ".", "in.pt"), folder.File("alias.json") })
        {
            ToolAssert.FailsWithLine(ToolRunner.Run("analyze", input, "-o", output), 2, $"{output}: error MONO042: is the input {input} itself; choose another output file");
            Assert.Equal(before, File.ReadAllBytes(input));
        }
    }

    [Fact]
    public void A_symbolic_link_output_is_kept_and_its_target_replaced()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("target.json"), "old");
        File.CreateSymbolicLink(folder.File("link.json"), "target.json");

        var (code, _, error) = ToolRunner.Run("analyze", NotebookCases.Basic, "-o", folder.File("link.json"));

        Assert.True(code == 0, error);
        Assert.Equal("target.json", new FileInfo(folder.File("link.json")).LinkTarget);
        Assert.Equal(3, ResultJson.Read(folder.File("target.json")).Layers.Count);
        Assert.Equal(["link.json", "target.json"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public void A_character_device_is_written_through_and_kept()
    {
        var (code, _, error) = ToolRunner.Run("analyze", NotebookCases.Basic, "-o", "/dev/null");

        Assert.True(code == 0, error);
        Assert.Equal(FileKind.CharacterDevice, FileStatus.Of("/dev/null", followLinks: false).Kind);
    }

    [Theory]
    [InlineData("folder", "is a directory")]
    [InlineData("fifo", "is a pipe (FIFO); leave out -o to write to standard output")]
    [InlineData("file/result.json", "cannot be created: {0}/file is not a folder")]
    [InlineData("new/", "names a folder; give a file name")]
    public void What_cannot_hold_a_result_is_refused_before_the_analysis_and_kept(string name, string problem)
    {
        using var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.File("folder"));
        File.WriteAllText(folder.File("file"), "keep");
        folder.Fifo("fifo");
        var before = Directory.GetFileSystemEntries(folder.Path).Order().ToList();

        var run = ToolRunner.Run("analyze", NotebookCases.Basic, "-o", folder.File(name));

        ToolAssert.FailsWithLine(run, 2, $"{folder.File(name)}: error MONO041: {string.Format(System.Globalization.CultureInfo.InvariantCulture, problem, folder.Path)}");
        Assert.Equal(before, Directory.GetFileSystemEntries(folder.Path).Order());
        Assert.Equal(FileKind.Fifo, FileStatus.Of(folder.File("fifo"), followLinks: false).Kind);
        Assert.Equal("keep", File.ReadAllText(folder.File("file")));
    }

    [ImmutableFact]
    public void An_immutable_folder_or_file_is_refused_before_the_analysis()
    {
        using var folder = new TemporaryFolder();
        string locked = folder.File("locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(folder.File("kept.json"), "previous");
        try
        {
            Immutable.Set(locked, true);
            Immutable.Set(folder.File("kept.json"), true);
            foreach (string output in new[] { Path.Combine(locked, "r.json"), Path.Combine(locked, "new", "r.json"), folder.File("kept.json") })
            {
                ToolAssert.FailsWithOneLine(ToolRunner.Run("analyze", NotebookCases.Basic, "-o", output), 2, $"{output}: error MONO043: cannot write here: permission denied, or the file or its folder is immutable");
            }

            Assert.Equal("previous", File.ReadAllText(folder.File("kept.json")));
        }
        finally
        {
            Immutable.Set(locked, false);
            Immutable.Set(folder.File("kept.json"), false);
        }
    }
}
