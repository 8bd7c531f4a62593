using System.CommandLine;
using Monotone.Tool.Console;

namespace Monotone.Tool.Commands;

/// <summary>
/// <c>dotnet monotone completion bash|zsh|pwsh</c>: prints a script that asks the tool itself for
/// completions through System.CommandLine's <c>[suggest:N]</c> directive (the protocol the
/// dotnet-suggest shim speaks), as <c>kubectl completion bash</c> does (docs/cli.md).
/// </summary>
internal sealed class CompletionCommand
{
    private readonly Argument<CompletionShell> shell = ChoiceArgument();

    public Command Create(ToolConsole console)
    {
        var command = new Command("completion", "Print a shell completion script: eval it in bash or zsh, or dot-source it in PowerShell (docs/cli.md)") { shell };
        command.SetAction(parse =>
        {
            console.Out.Write(CompletionScripts.For(parse.GetValue(shell)));
            return (int)ExitCode.Success;
        });
        return command;
    }

    private static Argument<CompletionShell> ChoiceArgument()
    {
        var argument = new Argument<CompletionShell>("SHELL")
        {
            Description = $"The shell: {string.Join(", ", CompletionScripts.Names)}",
            HelpName = string.Join('|', CompletionScripts.Names),
            CustomParser = result =>
            {
                string text = result.Tokens[0].Value;
                if (CompletionScripts.TryParse(text, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"completion takes {ChoiceOption.Alternatives(CompletionScripts.Names)}, not '{text}'");
                return default;
            },
        };
        argument.CompletionSources.Clear();
        argument.CompletionSources.Add([.. CompletionScripts.Names]);
        return argument;
    }
}
