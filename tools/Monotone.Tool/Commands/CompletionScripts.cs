using Monotone.Core;

namespace Monotone.Tool.Commands;

/// <summary>
/// The completion scripts. Each hands the whole command line and the cursor's position to
/// <c>dotnet monotone "[suggest:POSITION]" "LINE"</c>, which prints one completion per line
/// (System.CommandLine's suggest directive); the shell offers those that match the word being typed.
/// </summary>
/// <remarks>
/// The scripts are written for both ways of starting the tool: <c>dotnet monotone</c> (a local tool,
/// the README's way) and <c>dotnet-monotone</c> (a global tool on PATH). The line given to the
/// directive starts at <c>monotone</c>/<c>dotnet-monotone</c>: System.CommandLine drops the first
/// word as the program's name.
/// </remarks>
internal static class CompletionScripts
{
    private static readonly EnumNames<CompletionShell> Table = new("bash", "zsh", "pwsh");

    /// <summary>The shells' names, in <see cref="CompletionShell"/>'s order.</summary>
    public static IReadOnlyList<string> Names => Table.Names;

    public static bool TryParse(string text, out CompletionShell shell) => Table.TryParse(text, out shell);

    public static string For(CompletionShell shell) => shell switch
    {
        CompletionShell.Bash => Bash,
        CompletionShell.Zsh => Zsh,
        CompletionShell.Pwsh => Pwsh,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "not a shell"),
    };

    // "dotnet monotone ..." completes after `dotnet`'s own completion is bypassed: the function
    // is registered for `dotnet-monotone`, and for `dotnet` it only answers when the second word
    // is `monotone`, falling back to the shell's default otherwise.
    private const string Bash = """
        # dotnet monotone completion for bash: eval "$(dotnet monotone completion bash)"
        _dotnet_monotone_complete() {
            local line="${COMP_LINE:0:COMP_POINT}" words
            if [[ "${COMP_WORDS[0]}" == dotnet ]]; then
                [[ "${COMP_WORDS[1]}" == monotone && $COMP_CWORD -ge 2 ]] || return 0
                line="${line#*dotnet }"
            fi
            words=$(dotnet-monotone "[suggest:${#line}]" "$line" 2>/dev/null || dotnet monotone "[suggest:${#line}]" "$line" 2>/dev/null)
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$words" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _dotnet_monotone_complete dotnet-monotone
        complete -o default -F _dotnet_monotone_complete dotnet

        """;

    private const string Zsh = """
        # dotnet monotone completion for zsh: eval "$(dotnet monotone completion zsh)"
        _dotnet_monotone_complete() {
            local line="${BUFFER[1,CURSOR]}"
            if [[ "${words[1]}" == dotnet ]]; then
                [[ "${words[2]}" == monotone && $CURRENT -ge 3 ]] || { _default; return }
                line="${line#*dotnet }"
            fi
            local -a completions
            completions=("${(@f)$(dotnet-monotone "[suggest:${#line}]" "$line" 2>/dev/null || dotnet monotone "[suggest:${#line}]" "$line" 2>/dev/null)}")
            compadd -a completions
        }
        compdef _dotnet_monotone_complete dotnet-monotone dotnet

        """;

    private const string Pwsh = """
        # dotnet monotone completion for PowerShell: dotnet monotone completion pwsh | Out-String | Invoke-Expression
        Register-ArgumentCompleter -Native -CommandName dotnet, dotnet-monotone -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.ToString()
            $cursor = $cursorPosition - $commandAst.Extent.StartOffset
            if ($commandAst.CommandElements[0].ToString() -eq 'dotnet') {
                if ($commandAst.CommandElements.Count -lt 2 -or $commandAst.CommandElements[1].ToString() -ne 'monotone') { return }
                $skip = $line.IndexOf('monotone')
                $line = $line.Substring($skip)
                $cursor -= $skip
            }
            $line = $line.Substring(0, [Math]::Min($cursor, $line.Length))
            dotnet monotone "[suggest:$($line.Length)]" "$line" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
