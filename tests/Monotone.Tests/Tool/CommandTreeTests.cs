using Monotone.Tool;
using Monotone.Tool.Console;

namespace Monotone.Tests.Tool;

/// <summary>A command line that names a command is parsed by a tree of that command alone, which must be the same command as in the whole tree.</summary>
public class CommandTreeTests
{
    private static readonly ToolConsole Quiet = new(TextWriter.Null, TextWriter.Null, Interactive: false);

    public static TheoryData<string> Names() => [.. MonotoneCli.Commands(Quiet).Subcommands.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void A_named_command_gets_a_tree_of_itself_alone_with_the_options_of_the_whole_tree(string name)
    {
        var whole = MonotoneCli.Commands(Quiet).Subcommands.Single(c => c.Name == name);

        var alone = Assert.Single(MonotoneCli.CommandsFor([name, "--help"], Quiet).Subcommands);

        Assert.Equal(name, alone.Name);
        Assert.Equal(whole.Description, alone.Description);
        Assert.Equal(whole.Options.Select(o => o.Name), alone.Options.Select(o => o.Name));
        Assert.Equal(whole.Arguments.Select(a => a.Name), alone.Arguments.Select(a => a.Name));
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("anlyze", "x.pt")]
    [InlineData("[suggest:12]", "dotnet-monotone ")]
    public void A_command_line_that_names_no_command_gets_the_whole_tree(params string[] args)
    {
        Assert.Equal(
            MonotoneCli.Commands(Quiet).Subcommands.Select(c => c.Name),
            MonotoneCli.CommandsFor(args, Quiet).Subcommands.Select(c => c.Name));
    }
}
