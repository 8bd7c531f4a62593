using System.Diagnostics;

namespace Monotone.Tests.Support;

/// <summary>
/// Runs the real `dotnet` CLI in a folder, as a user would, without build servers or reused
/// MSBuild nodes (they would keep task assemblies of one test loaded into the next).
/// </summary>
internal static class DotnetCli
{
    /// <summary>How long one process may run before it counts as hung.</summary>
    private static readonly TimeSpan HangTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs `dotnet ARGS` in <paramref name="folder"/>; returns the exit code and stdout + stderr.</summary>
    /// <param name="environment">Variables to set (a null value removes one) for this process only.</param>
    public static (int ExitCode, string Log) Run(string folder, IReadOnlyDictionary<string, string?>? environment, params string[] args) =>
        Program("dotnet", folder, environment, args);

    /// <summary>
    /// Runs <paramref name="program"/> (`dotnet`, an installed tool, an apphost) the same way. The log's first line
    /// is the command and its folder; a process still running after five minutes is killed with its children and
    /// gives exit code -1.
    /// </summary>
    public static (int ExitCode, string Log) Program(string program, string folder, IReadOnlyDictionary<string, string?>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(program, args)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        string command = $"{program} {string.Join(' ', args)} (in {folder})\n";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();

        // A build that hangs (a task host that died) must fail the test, not hang the suite.
        if (!process.WaitForExit(HangTimeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return (-1, $"{command}timed out after {HangTimeout.TotalMinutes} minutes\n{output.Result}{error.Result}");
        }

        return (process.ExitCode, command + output.Result + error.Result);
    }

    /// <summary>`dotnet build`-style arguments every test build adds: one process, a normal-verbosity log.</summary>
    public static readonly string[] BuildOptions = ["--disable-build-servers", "-nologo", "-v:n", "-p:UseSharedCompilation=false"];

    /// <summary>The configuration this test run was built with (Debug or Release), which the repository's outputs use.</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
}
