using System.Text.Json;
using Monotone.Tests.Support;

namespace Monotone.Tests.Tool;

/// <summary>An input reached through a symbolic link is described by what was read: the target.</summary>
public sealed class SymlinkInputTests
{
    [Fact]
    public void A_linked_input_records_its_targets_size_not_the_links()
    {
        using var folder = new TemporaryFolder();
        string target = Path.Combine(NotebookCases.Folder, "f32_basic.pt");
        string link = folder.File("link.pt");
        File.CreateSymbolicLink(link, target);

        var (code, output, error) = ToolRunner.Run("analyze", link);

        Assert.True(code == 0, error);
        using var result = JsonDocument.Parse(output);
        Assert.Equal(new FileInfo(target).Length, result.RootElement.GetProperty("input").GetProperty("bytes").GetInt64());
        Assert.NotEqual(new FileInfo(link).Length, new FileInfo(target).Length);
    }
}
