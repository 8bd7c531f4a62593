using Monotone.Tool;
using Monotone.Tool.Console;

namespace Monotone.Tests.Support;

/// <summary>Runs `dotnet monotone` in-process with captured output.</summary>
public static class ToolRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = MonotoneCli.Run(args, new ToolConsole(output, error, Interactive: false));
        return (code, output.ToString(), error.ToString());
    }
}
