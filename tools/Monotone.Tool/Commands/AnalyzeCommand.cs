using System.CommandLine;
using Monotone.Engine;
using Monotone.Pipeline;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.Tool.Console;

namespace Monotone.Tool.Commands;

/// <summary><c>dotnet monotone analyze INPUT [-o FILE]</c>: one tensor file in, one result JSON out.</summary>
internal sealed class AnalyzeCommand
{
    private readonly Argument<string> input = new("INPUT")
    {
        Description = "A [layers, heads, n, n] mean-attention tensor: torch.save file, .safetensors or .npy",
    };

    private readonly Option<string?> output = new("--output", "-o")
    {
        Description = "Write the result JSON here (atomically) instead of to standard output",
    };

    private readonly Option<string?> tensor = new("--tensor")
    {
        Description = "The tensor to analyse in a file that holds several (a dict, a safetensors file)",
    };

    private readonly AnalysisOptionSet analysis = new();

    public Command Create(ToolConsole console)
    {
        var command = new Command("analyze", "Analyse one tensor file, without a manifest, and write its result JSON") { input, output, tensor };
        analysis.AddTo(command);
        input.Validators.Add(result =>
        {
            if (string.IsNullOrEmpty(result.GetValueOrDefault<string>()))
            {
                result.AddError("INPUT is empty: name a tensor file");
            }
        });
        command.SetAction(parse => (int)Execute(parse, console));
        return command;
    }

    private ExitCode Execute(ParseResult parse, ToolConsole console)
    {
        string path = parse.GetValue(input)!;
        string? destination = parse.GetValue(output);

        // A bad output must fail before an analysis that may take hours, not after it.
        if (destination is not null)
        {
            AtomicFile.Validate(destination, input: path);
        }

        var (engine, choice) = analysis.OpenEngine(parse);
        if (choice is not null)
        {
            console.Error.WriteLine($"monotone: {choice}");
        }

        AttentionTensor? opened = null;
        using var progress = destination is null ? null : new LayerProgressWriter(console, Path.GetFileName(path));
        var result = ResultBuilder.AnalyzeFile(
            path,
            parse.GetValue(tensor),
            analysis.Read(parse),
            engine,
            progress: progress,
            check: tensor => { MemoryRequirement.Check(tensor, engine); opened = tensor; });
        if (opened?.FirstNegative is { } negative)
        {
            console.Error.WriteLine($"monotone: warning: {negative.Warning(path)}");
        }

        byte[] json = ResultJson.ToBytes(result);
        if (destination is null)
        {
            console.Out.Write(System.Text.Encoding.UTF8.GetString(json));
        }
        else
        {
            AtomicFile.Write(destination, json);
            console.Error.WriteLine($"monotone: wrote {destination} ({result.Layers.Count} layers, engine {engine.Name})");
        }

        return ExitCode.Success;
    }
}
