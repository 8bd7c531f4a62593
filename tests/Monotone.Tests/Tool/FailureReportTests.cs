using Monotone.Core;
using Monotone.Tool;
using Monotone.Tool.Console;

namespace Monotone.Tests.Tool;

/// <summary>Failures a machine imposes become one line and an exit code, never a trace.</summary>
public class FailureReportTests
{
    public static TheoryData<Exception, int, string> Failures() => new()
    {
        { new OutOfMemoryException(), 2, "monotone: error MONO047: out of memory: " },
        { new NotSupportedException("Stream does not support seeking."), 2, "monotone: error MONO046: an input does not support what reading it needs: Stream does not support seeking." },
        { new UnauthorizedAccessException("Access to the path '/r/experiments/a' is denied."), 2, "/r/experiments/a: error MONO043: permission denied, or the file or its folder is immutable" },
        { new IOException("No space left on device : '/r/x.json'", 28), 2, "/r/x.json: error MONO044: No space left on device" },
        { new IOException("Input/output error : '/r/x.pt'", 5), 2, "/r/x.pt: error MONO045: Input/output error" },
        { new EngineUnavailableException("no libtorch.so"), 3, "monotone: error MONO050: the torch engine cannot run here: no libtorch.so; use --engine fast" },
        { new AggregateException(new OutOfMemoryException()), 2, "monotone: error MONO047: " },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_is_one_line_with_its_code_and_exit_code(Exception failure, int exit, string start)
    {
        var error = new StringWriter();
        var console = new ToolConsole(TextWriter.Null, error, Interactive: false);
        var unwrapped = failure is AggregateException a ? a.InnerExceptions[0] : failure;

        Assert.True(FailureReport.IsReported(unwrapped));
        Assert.Equal(exit, (int)FailureReport.Write(console, unwrapped));
        Assert.StartsWith(start, error.ToString(), StringComparison.Ordinal);
        Assert.Single(error.ToString().TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_directory_named_in_an_access_denied_message_is_called_a_directory()
    {
        string folder = Directory.CreateTempSubdirectory("monotone-test-").FullName;
        try
        {
            var error = new StringWriter();

            FailureReport.Write(new ToolConsole(TextWriter.Null, error, false), new UnauthorizedAccessException($"Access to the path '{folder}' is denied."));

            Assert.Equal($"{folder}: error MONO041: is a directory where a file was expected", error.ToString().TrimEnd('\n'));
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void Control_characters_in_any_message_are_escaped()
    {
        var error = new StringWriter();

        new ToolConsole(TextWriter.Null, error, false).WriteError("in\u001b[2J.pt", "MONO020", "key 'a\0b\u202Ec'\nsecond line");

        Assert.Equal("in\\e[2J.pt: error MONO020: key 'a\\0b\\u202Ec' second line", error.ToString().TrimEnd('\n'));
    }
}
