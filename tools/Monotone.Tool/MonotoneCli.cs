using System.CommandLine;
using Monotone.Engine;
using Monotone.Manifest;
using Monotone.Pipeline;
using Monotone.TensorInput;
using Monotone.Tool.Commands;
using Monotone.Tool.Console;

namespace Monotone.Tool;

/// <summary>Builds the command tree and turns every failure into an <see cref="ExitCode"/>.</summary>
public static class MonotoneCli
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
            new VerifyCommand().Create(console),
        };

    public static int Run(IReadOnlyList<string> args, ToolConsole console)
    {
        var parse = Commands(console).Parse(args);
        if (parse.Errors.Count > 0)
        {
            console.WriteError($"{parse.Errors[0].Message} (see 'dotnet monotone --help')");
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
        catch (ManifestException e)
        {
            // Already in the canonical file(line,col): error CODE form.
            console.Error.WriteLine(e.Message);
            return (int)ExitCode.BadInput;
        }
        catch (UsageException e)
        {
            console.WriteError(e.Message);
            return (int)ExitCode.BadInput;
        }
        catch (BadInputException e)
        {
            console.WriteError(e.Message);
            return (int)ExitCode.BadInput;
        }
        catch (IOException e)
        {
            console.WriteError(e.Message);
            return (int)ExitCode.BadInput;
        }
        catch (EngineUnavailableException e)
        {
            console.WriteError($"the torch engine cannot run here: {e.Message}; use --engine {EngineCatalog.Managed} (the managed engine) instead");
            return (int)ExitCode.BadInput;
        }
    }
}
