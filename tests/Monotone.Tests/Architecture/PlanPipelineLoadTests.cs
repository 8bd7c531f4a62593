using System.Reflection;
using Microsoft.Build.Framework;
using Monotone.Tests.Pipeline;
using Monotone.Tests.Support;

namespace Monotone.Tests.Architecture;

/// <summary>
/// The MSBuild task that plans a build loads no analysis kernel (docs/design.md §3): planning
/// reads the manifest, fingerprints inputs and compares results, none of which needs the engine,
/// <c>System.Numerics.Tensors</c> or the pickle reader, though <c>Monotone.Build</c> reaches them
/// through <c>Monotone.Pipeline</c>. The task runs in-process in a load context of its own, as
/// MSBuild's task host loads it, so what other tests loaded cannot hide what planning loads.
/// </summary>
public class PlanPipelineLoadTests
{
    private static readonly string TaskAssembly = Path.Combine(
        RepositoryRoot.Path, "build", "Monotone.Build", "bin", DotnetCli.Configuration, "net10.0", "Monotone.Build.dll");

    private static readonly string[] Kernels = ["Monotone.Engine", "System.Numerics.Tensors", "Razorvine.Pickle"];

    [Theory]
    [InlineData("files")]
    [InlineData("synthetic")]
    public void Planning_a_study_with_results_loads_no_kernel(string source)
    {
        using var study = new SampleStudy(source == "synthetic" ? SampleStudy.Tiny : "models: []");
        if (source == "files")
        {
            FileInputTests.CopyInput(study.Folder, "f32_basic.pt");
            study.WriteManifest(FileInputTests.Manifest("data"));
        }

        // Results to compare with, as on every build after the first.
        var (code, _, error) = study.Tool("run");
        Assert.True(code == 0, error);

        var context = new TaskLoadContext(TaskAssembly);
        try
        {
            var (succeeded, errors, analysisStale) = Plan(context, study);

            Assert.True(succeeded, string.Join('\n', errors));
            Assert.False(analysisStale, "the run just analysed every experiment");
            Assert.Contains("Monotone.Pipeline", context.Requested);
            Assert.All(Kernels, kernel => Assert.False(context.Holds(kernel), $"planning loaded {kernel}"));

            // The check sees a load when there is one.
            context.LoadFromAssemblyName(new AssemblyName(Kernels[0]));
            Assert.True(context.Holds(Kernels[0]));
        }
        finally
        {
            context.Unload();
        }
    }

    private static (bool Succeeded, List<string> Errors, bool AnalysisStale) Plan(TaskLoadContext context, SampleStudy study)
    {
        var type = context.LoadFromAssemblyPath(TaskAssembly).GetType("Monotone.Build.PlanPipeline", throwOnError: true)!;
        var task = (ITask)Activator.CreateInstance(type)!;
        var engine = new RecordingBuildEngine();
        task.BuildEngine = engine;
        type.GetProperty("Manifest")!.SetValue(task, study.ManifestPath);

        bool succeeded = task.Execute();
        return (succeeded, [.. engine.Errors.Select(e => $"{e.File}: error {e.Code}: {e.Message}")], (bool)type.GetProperty("AnalysisStale")!.GetValue(task)!);
    }
}
