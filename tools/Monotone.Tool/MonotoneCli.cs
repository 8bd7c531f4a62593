using System.CommandLine;
using System.CommandLine.Completions;
using Monotone.Core;
using Monotone.Pipeline;
using Monotone.Tool.Commands;
using Monotone.Tool.Console;

namespace Monotone.Tool;

/// <summary>Builds the command tree and turns every failure into an <see cref="ExitCode"/>.</summary>
internal static class MonotoneCli
{
    private const string Description = "Monotone: attention-monotonicity analysis of ALiBi transformers, reproducing the position-bias notebook.";

    // Each command by name, in the order help lists them, and whether it always analyses: those
    // get the fast engine's code compiled on a spare core while they start (AnalysisWarmup);
    // `run` analyses only what is stale, most often nothing.
    private static readonly (string Name, Func<ToolConsole, Command> Create, bool AlwaysAnalyses)[] All =
    [
        ("analyze", console => new AnalyzeCommand().Create(console), true),
        ("run", console => new RunCommand().Create(console), false),
        ("status", console => new StatusCommand().Create(console), false),
        ("figures", console => PaperCommand.Figures().Create(console), false),
        ("appendix", console => PaperCommand.Appendix().Create(console), false),
        ("repro", console => new ReproCommand().Create(console), true),
        ("verify", console => new VerifyCommand().Create(console), true),
        ("diff", console => new DiffCommand().Create(console), false),
        ("completion", console => new CompletionCommand().Create(console), false),
    ];

    /// <summary>The command tree; also what tests parse documented commands against.</summary>
    internal static RootCommand Commands(ToolConsole console) => Root(All.Select(c => c.Create(console)));

    /// <summary>
    /// The tree this command line needs: only the command it names, or the whole tree when it names
    /// none (help, a completion request, a mistyped command), whose help and errors list every command.
    /// </summary>
    /// <remarks>
    /// Building all nine commands' options is about a tenth of a sub-second `analyze` process
    /// (docs/building.md, "Start-up"); what one command parses and prints is the same either way.
    /// </remarks>
    internal static RootCommand CommandsFor(IReadOnlyList<string> args, ToolConsole console) =>
        args.Count > 0 && All.FirstOrDefault(c => c.Name == args[0]) is { Create: { } create }
            ? Root([create(console)])
            : Commands(console);

    private static RootCommand Root(IEnumerable<Command> commands)
    {
        var root = new RootCommand(Description);
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Action = new PackageVersionAction();
        }

        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>Whether this command line starts the analysis warm-up: its command always analyses.</summary>
    internal static bool WarmsUp(IReadOnlyList<string> args) => args.Count > 0 && All.Any(c => c.AlwaysAnalyses && c.Name == args[0]);

    public static int Run(IReadOnlyList<string> args, ToolConsole console)
    {
        if (WarmsUp(args))
        {
            AnalysisWarmup.Start();
        }

        var root = CommandsFor(args, console);
        // No response files: "@NAME" names a variant (--only @epsilon-1e-6, docs/variants.md),
        // which System.CommandLine would otherwise read as a file of arguments.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });

        // A completion request ([suggest:N], docs/cli.md) is a half-typed command line: its
        // parse errors are expected, and the answer is the list of completions.
        if (parse.Errors.Count > 0 && !root.Directives.OfType<SuggestDirective>().Any(d => parse.GetResult(d) is not null))
        {
            console.WriteError(ToolConsole.Origin, DiagnosticCodes.CommandLineAndFiles.Usage, $"{parse.Errors[0].Message} (see 'dotnet monotone --help')");
            return (int)ExitCode.BadInput;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e) when (FailureReport.IsReported(Unwrap(e)))
        {
            return (int)FailureReport.Write(console, Unwrap(e));
        }
    }

    // Work run on other threads may arrive wrapped; one failure is reported as itself.
    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : e;
}
