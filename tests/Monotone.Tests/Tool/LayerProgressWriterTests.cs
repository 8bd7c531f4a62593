using Monotone.Core;
using Monotone.Tool.Console;

namespace Monotone.Tests.Tool;

/// <summary>
/// Layer progress on a terminal is one line redrawn in place; an analysis that fails midway
/// leaves it open, and the error after it must start a line of its own.
/// </summary>
public sealed class LayerProgressWriterTests
{
    [Theory]
    [InlineData(1, "\rin.pt: layer 1/2\n")]
    [InlineData(2, "\rin.pt: layer 1/2\rin.pt: layer 2/2\n")]
    public void On_a_terminal_the_line_is_ended_once_whether_the_analysis_finished_or_not(int layersDone, string expected)
    {
        var error = new StringWriter { NewLine = "\n" };
        var console = new ToolConsole(TextWriter.Null, error, Interactive: true);

        using (var progress = new LayerProgressWriter(console, "in.pt"))
        {
            for (int done = 1; done <= layersDone; done++)
            {
                progress.Report(new LayerProgress(done, 2));
            }
        }

        Assert.Equal(expected, error.ToString());
    }

    [Fact]
    public void Elsewhere_each_layer_is_a_plain_line()
    {
        var error = new StringWriter { NewLine = "\n" };

        using (var progress = new LayerProgressWriter(new ToolConsole(TextWriter.Null, error, Interactive: false), "in.pt"))
        {
            progress.Report(new LayerProgress(1, 2));
        }

        Assert.Equal("in.pt: layer 1/2\n", error.ToString());
    }
}
