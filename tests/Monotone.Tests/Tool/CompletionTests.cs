using Monotone.Tests.Support;
using Monotone.Tests.TensorInput;

namespace Monotone.Tests.Tool;

/// <summary>
/// Completions come from System.CommandLine's <c>[suggest:N]</c> directive, which the scripts of
/// <c>dotnet monotone completion SHELL</c> call (docs/cli.md).
/// </summary>
public class CompletionTests
{
    private static string[] Suggest(string line)
    {
        var (code, stdout, error) = ToolRunner.Run($"[suggest:{line.Length}]", line);
        Assert.True(code == 0, error);
        Assert.Equal("", error);
        return stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Theory]
    [InlineData("dotnet-monotone analyze x.pt --engine ")]
    [InlineData("dotnet-monotone run --engine ")]
    [InlineData("dotnet-monotone verify --engine ")]
    [InlineData("monotone analyze x.pt --engine ")]
    public void A_completion_request_for_engine_lists_the_engine_names(string line) =>
        Assert.Equal(["auto", "fast", "reference", "torch"], Suggest(line));

    [Fact]
    public void Slopes_complete_to_their_names() =>
        Assert.Equal(["bloom", "mpt", "notebook"], Suggest("dotnet-monotone analyze x.pt --slopes "));

    [Fact]
    public void Commands_complete_from_a_prefix()
    {
        Assert.Equal(["completion"], Suggest("dotnet-monotone compl"));
        Assert.Contains("--threads", Suggest("dotnet-monotone analyze x.pt --th"));
        Assert.DoesNotContain("--threads", Suggest("dotnet-monotone run --"));
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _dotnet_monotone_complete dotnet-monotone")]
    [InlineData("zsh", "compdef _dotnet_monotone_complete dotnet-monotone dotnet")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName dotnet, dotnet-monotone")]
    public void Each_shell_gets_a_script_that_calls_the_suggest_directive(string shell, string registration)
    {
        var (code, stdout, error) = ToolRunner.Run("completion", shell);

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("[suggest:", stdout, StringComparison.Ordinal);
        Assert.Contains(registration, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_shell_is_one_line_and_exit_2()
    {
        var (code, stdout, error) = ToolRunner.Run("completion", "fish");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("monotone: error MONO040: completion takes bash, zsh or pwsh, not 'fish' (see 'dotnet monotone --help')\n", error.ReplaceLineEndings("\n"));
    }

    [LinuxFact("/bin/bash")]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_bash_script_completes_engine_names_through_the_tool()
    {
        // The script runs the tool by name: a dotnet-monotone first on PATH runs this build.
        using var folder = new TemporaryFolder();
        string shim = folder.File("dotnet-monotone");
        File.WriteAllText(shim, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "dotnet-monotone.dll")}' \"$@\"\n");
        File.SetUnixFileMode(shim, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var (_, script, _) = ToolRunner.Run("completion", "bash");
        string test = script + """
            COMP_LINE="dotnet monotone analyze x.pt --engine re"; COMP_POINT=${#COMP_LINE}
            COMP_WORDS=(dotnet monotone analyze x.pt --engine re); COMP_CWORD=5
            _dotnet_monotone_complete; echo "${COMPREPLY[*]}"
            """;
        var start = new System.Diagnostics.ProcessStartInfo("/bin/bash", ["-c", test]) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = folder.Path + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var bash = System.Diagnostics.Process.Start(start)!;
        string output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();

        Assert.Equal("reference\n", output);
    }
}
