using System.Reflection;
using Monotone.Tests.Support;

namespace Monotone.Tests.Architecture;

/// <summary>
/// `analyze` with the fast engine loads nothing of the torch engine (docs/building.md, "Start-up"):
/// Monotone.Engine.Torch and TorchSharp cost a short process their loading for nothing, and a
/// method that merely names one of their types loads the assembly when it is compiled. The tool
/// runs in-process in a load context of its own, from the IL beside the tests (so every method it
/// runs is compiled by the JIT, which resolves every type a method names), so that what other
/// tests loaded cannot hide what `analyze` loads.
/// </summary>
public class AnalyzeLoadTests
{
    private static readonly string[] TorchAssemblies = ["Monotone.Engine.Torch", "TorchSharp"];

    [Fact]
    public void Analyze_with_the_fast_engine_loads_no_torch_assembly()
    {
        using var folder = new TemporaryFolder();
        var context = new TaskLoadContext(Path.Combine(AppContext.BaseDirectory, "Monotone.Tests.dll"));
        try
        {
            var (code, error) = Run(context, "analyze", NotebookCases.Basic, "-o", folder.File("result.json"));

            Assert.True(code == 0, error);
            Assert.True(File.Exists(folder.File("result.json")));
            Assert.True(context.Holds("Monotone.Engine"), "the analysis ran outside the context");
            Assert.All(TorchAssemblies, name => Assert.False(context.Holds(name), $"analyze loaded {name}"));

            // The check sees a load when there is one: a device given on the command line is checked
            // by the torch engine's own parser.
            (code, error) = Run(context, "analyze", NotebookCases.Basic, "--engine", "torch", "--device", "bogus");
            Assert.True(code == 2, error);
            Assert.True(context.Holds(TorchAssemblies[0]));
        }
        finally
        {
            context.Unload();
        }
    }

    // MonotoneCli.Run(args, new ToolConsole(out, error, Interactive: false)) in the context.
    private static (int Code, string Error) Run(TaskLoadContext context, params string[] args)
    {
        var tool = context.LoadFromAssemblyPath(Path.Combine(AppContext.BaseDirectory, "dotnet-monotone.dll"));
        var consoleType = tool.GetType("Monotone.Tool.Console.ToolConsole", throwOnError: true)!;
        var error = new StringWriter();
        object console = Activator.CreateInstance(consoleType, new StringWriter(), error, false)!;
        var run = tool.GetType("Monotone.Tool.MonotoneCli", throwOnError: true)!
            .GetMethod("Run", BindingFlags.Public | BindingFlags.Static)!;
        int code = (int)run.Invoke(null, [args, console])!;
        return (code, error.ToString());
    }
}
