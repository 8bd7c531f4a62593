using System.CommandLine;
using System.CommandLine.Completions;
using Monotone.Core;
using Monotone.Tool.Commands;
using Monotone.Tool.Console;

namespace Monotone.Tool;

/// <summary>Builds the command tree and turns every failure into an <see cref="ExitCode"/>.</summary>
internal static class MonotoneCli
{
    /// <summary>The command tree; also what tests parse documented commands against.</summary>
    internal static RootCommand Commands(ToolConsole console) =>
        new("Monotone: attention-monotonicity analysis of ALiBi transformers, reproducing the position-bias notebook.")
        {
            new AnalyzeCommand().Create(console),
            new RunCommand().Create(console),
            new StatusCommand().Create(console),
            PaperCommand.Figures().Create(console),
            PaperCommand.Appendix().Create(console),
            new ReproCommand().Create(console),
            new VerifyCommand().Create(console),
            new DiffCommand().Create(console),
            new CompletionCommand().Create(console),
        };

    public static int Run(IReadOnlyList<string> args, ToolConsole console)
    {
        var root = Commands(console);
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
