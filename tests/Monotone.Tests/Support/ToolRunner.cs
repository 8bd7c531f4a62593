using System.Diagnostics;
using Monotone.Tool;
using Monotone.Tool.Console;

namespace Monotone.Tests.Support;

/// <summary>Runs `dotnet monotone` in-process with captured output, or starts the built tool as a process of its own.</summary>
public static class ToolRunner
{
    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = MonotoneCli.Run(args, new ToolConsole(output, error, Interactive: false));
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// How to start the built tool (dotnet-monotone.dll beside the tests) as a process of its own, with standard
    /// output and error redirected: for what an in-process run cannot show (a killed process, the JIT's
    /// DOTNET_Enable* switches, which are read at process start).
    /// </summary>
    public static ProcessStartInfo ChildProcess(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dotnet-monotone.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    /// <summary>
    /// <see cref="Run"/>, failing the test instead of hanging when the tool runs past 30 s: a hostile input
    /// (a FIFO with no writer, a resource bomb) must be refused, not worked through.
    /// </summary>
    public static (int ExitCode, string Out, string Error) RunBounded(params string[] args)
    {
        var run = Task.Run(() => Run(args));
        Assert.True(run.Wait(TimeSpan.FromSeconds(30)), $"monotone {string.Join(' ', args)} ran past 30 s");
        return run.Result;
    }
}
