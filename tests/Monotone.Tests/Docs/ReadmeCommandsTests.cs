using Monotone.Tests.Support;

namespace Monotone.Tests.Docs;

public sealed class ReadmeCommandsTests
{
    private static readonly Lazy<IReadOnlyList<string>> Commands = new(() => ReadmeCommands.In(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"))));

    [Fact]
    public void The_readme_shows_the_first_commands_and_the_daily_ones()
    {
        Assert.Contains("dotnet build", Commands.Value);
        Assert.Contains("dotnet test", Commands.Value);
        Assert.Contains("dotnet tool restore", Commands.Value);
        Assert.Contains("dotnet monotone status", Commands.Value);
        Assert.Contains("dotnet monotone verify", Commands.Value);
    }

    [Fact]
    public void Every_command_in_the_readme_parses_against_the_tool_and_the_build()
    {
        var problems = Commands.Value.Select(c => (Command: c, Problem: ReadmeCommands.Problem(c))).Where(p => p.Problem is not null).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"{p.Command}: {p.Problem}")));
    }

    [Theory]
    [InlineData("dotnet monotone run --no-such-option")]
    [InlineData("dotnet monotone statu")]
    [InlineData("dotnet monotone analyze")]
    [InlineData("dotnet run --project tools/Monotone.Tool -- status")]
    [InlineData("dotnet build -p:MonotoneNoSuchProperty=true")]
    [InlineData("dotnet tool install monotone")]
    [InlineData("dotnet build -c Relase")]
    [InlineData("dotnet build -o")]
    [InlineData("dotnet publish tools/Monotone.NoSuchTool -o DIR")]
    [InlineData("dotnet new console")]
    public void A_command_that_would_not_work_is_reported(string command) =>
        Assert.NotNull(ReadmeCommands.Problem(command));

    [Fact]
    public void Commands_come_from_shell_blocks_and_whole_inline_spans_only()
    {
        const string markdown = """
            Run `dotnet monotone status --check` or `dotnet monotone run [--force]`.

            ```
            dotnet build -p:MonotoneSkip=true   # code only
            ```

            ```text
            dotnet monotone this-is-output
            ```
            """;

        Assert.Equal(["dotnet monotone status --check", "dotnet build -p:MonotoneSkip=true"], ReadmeCommands.In(markdown));
    }
}
