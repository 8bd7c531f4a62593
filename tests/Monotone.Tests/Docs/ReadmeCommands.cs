using System.Text;
using System.Text.RegularExpressions;
using Monotone.Tests.Support;
using Monotone.Tool;
using Monotone.Tool.Console;

namespace Monotone.Tests.Docs;

/// <summary>
/// The commands a Markdown file shows: every line starting with <c>dotnet</c> in a fenced code
/// block without a language (or marked sh, shell, bash, console), and every inline code span
/// that is a whole <c>dotnet monotone ...</c> command (not the bare name, not a synopsis with [optional] parts or shell
/// expansions). Output blocks are marked <c>text</c> and are not commands.
/// </summary>
internal static partial class ReadmeCommands
{
    private static readonly string[] ShellInfo = ["", "sh", "shell", "bash", "console"];

    public static IReadOnlyList<string> In(string markdown)
    {
        var commands = new List<string>();
        bool inBlock = false, isShell = false;
        foreach (string raw in markdown.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                isShell = !inBlock && ShellInfo.Contains(line.Trim()[3..].Trim(), StringComparer.Ordinal);
                inBlock = !inBlock;
                continue;
            }

            if (inBlock && isShell && WithoutComment(line) is { } command && command.StartsWith("dotnet ", StringComparison.Ordinal))
            {
                commands.Add(command);
            }
            else if (!inBlock)
            {
                commands.AddRange(InlineCode().Matches(line).Select(m => m.Groups[1].Value)
                    .Where(c => c.StartsWith("dotnet monotone ", StringComparison.Ordinal) && !c.Any(ch => ch is '[' or '$' or '…' or '&')));
            }
        }

        return commands;
    }

    /// <summary>Splits a command line as a POSIX shell would for plain words and quotes (no expansions).</summary>
    public static IReadOnlyList<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool any = false;
        char quote = '\0';
        foreach (char c in command)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                any = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (any || word.Length > 0)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    any = false;
                }
            }
            else
            {
                word.Append(c);
            }
        }

        if (any || word.Length > 0)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>
    /// Why <paramref name="command"/> would not work as written: null when it is fine. A
    /// <c>dotnet monotone</c> command is parsed, not run, by the tool's own command tree
    /// (System.CommandLine); <c>dotnet build</c>,
    /// <c>dotnet test</c> and <c>dotnet tool restore</c> are checked as what they are: the verb,
    /// and every <c>-p:Name=value</c> a property that the repository's build files define.
    /// </summary>
    public static string? Problem(string command)
    {
        var words = Words(command);
        if (words.Count < 2 || words[0] != "dotnet")
        {
            return "not a dotnet command";
        }

        switch (words[1])
        {
            case "monotone":
                var parse = MonotoneCli.Commands(new ToolConsole(TextWriter.Null, TextWriter.Null, Interactive: false)).Parse([.. words.Skip(2)]);
                return parse.Errors.Count == 0 ? null : $"the tool's parser says: {string.Join("; ", parse.Errors.Select(e => e.Message))}";
            case "build" or "test" or "publish" or "pack":
                return BuildProblem(words.Skip(2).ToList());
            case "tool":
                return words.Count == 3 && words[2] == "restore" ? null
                    : words.Count > 3 && words[2] == "install" ? InstallProblem(words.Skip(3).ToList())
                    : "the dotnet tool commands a user needs are `dotnet tool restore` and `dotnet tool install Monotone.Tool`";
            case "new":
                return words.Count == 3 && words[2] == "tool-manifest" ? null : "the only template a user needs is `dotnet new tool-manifest`";
            default:
                return $"`dotnet {words[1]}`: use `dotnet monotone ...` (after `dotnet tool restore`) or `dotnet build`/`dotnet test`";
        }
    }

    // The options of dotnet build, test, publish and pack that the README uses, and whether each takes a value.
    private static readonly Dictionary<string, bool> BuildOptions = new(StringComparer.Ordinal)
    {
        ["-c"] = true, ["--configuration"] = true, ["-o"] = true, ["--output"] = true, ["--artifacts-path"] = true,
    };

    private static string? BuildProblem(IReadOnlyList<string> arguments)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            if (BuildOptions.TryGetValue(argument, out bool takesValue))
            {
                if (takesValue && (i + 1 >= arguments.Count || arguments[i + 1].StartsWith('-')))
                {
                    return $"{argument} needs a value";
                }

                if (argument is "-c" or "--configuration" && arguments[i + 1] is not ("Debug" or "Release"))
                {
                    return $"no configuration {arguments[i + 1]}";
                }

                i += takesValue ? 1 : 0;
            }
            else if (argument.StartsWith('-'))
            {
                if (PropertyProblem(argument) is { } problem)
                {
                    return problem;
                }
            }
            else if (!File.Exists(Path.Combine(RepositoryRoot.Path, argument)) && !Directory.Exists(Path.Combine(RepositoryRoot.Path, argument)))
            {
                return $"no project {argument} in the repository";
            }
        }

        return null;
    }

    // The package is Monotone.Tool (its command is dotnet-monotone); the rest are dotnet tool install's own options.
    private static string? InstallProblem(IReadOnlyList<string> arguments)
    {
        string[] withValue = ["--version", "--add-source", "--tool-path"];
        var positional = new List<string>();
        for (int i = 0; i < arguments.Count; i++)
        {
            if (withValue.Contains(arguments[i], StringComparer.Ordinal))
            {
                i++;
            }
            else if (arguments[i] is not ("-g" or "--global" or "--local"))
            {
                positional.Add(arguments[i]);
            }
        }

        return positional is ["Monotone.Tool"] ? null : $"the tool's package is Monotone.Tool, not {string.Join(' ', positional)}";
    }

    private static string? PropertyProblem(string argument)
    {
        if (!argument.StartsWith("-p:", StringComparison.Ordinal))
        {
            return $"unexpected option {argument}";
        }

        string name = argument[3..].Split('=')[0];
        return BuildFiles.Value.Contains($"<{name} ", StringComparison.Ordinal) || BuildFiles.Value.Contains($"$({name})", StringComparison.Ordinal)
            ? null
            : $"the build files define no property {name}";
    }

    private static readonly Lazy<string> BuildFiles = new(() => string.Concat(
        Directory.EnumerateFiles(RepositoryRoot.Path, "*.targets", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepositoryRoot.Path, "*.props", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(RepositoryRoot.Path, "*.csproj", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)));

    private static string? WithoutComment(string line)
    {
        string trimmed = line.Trim();
        int comment = trimmed.IndexOf(" #", StringComparison.Ordinal);
        return (comment < 0 ? trimmed : trimmed[..comment]).TrimEnd();
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex InlineCode();
}
