using System.Diagnostics;

namespace Monotone.Tests.Torch.Support;

/// <summary>
/// Runs the built tool (dotnet-monotone.dll, copied beside the tests with its deps.json) as a
/// process of its own, so native loading is tested as a user's run does it, with a fresh
/// process environment.
/// </summary>
public static class ToolProcess
{
    public static (int ExitCode, string Out, string Error) Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        string host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dotnet-monotone.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
