using System.Reflection;
using Monotone.Core;
using Monotone.Engine.Torch;
using Monotone.Results;
using Monotone.Tests.Support;
using Monotone.Tests.Torch.Support;
using Monotone.Tool;

namespace Monotone.Tests.Torch.Tool;

/// <summary><c>dotnet monotone analyze --engine torch|auto --device ...</c>, in process and as a process of its own.</summary>
public class AnalyzeWithTorchTests
{
    private static readonly string Basic = Path.Combine(NotebookCases.Folder, "f32_basic.pt");

    private static readonly bool HasGpu = LibTorchRuntime.CudaDevices(out _) > 0;

    [Fact]
    public void Torch_on_the_CPU_reproduces_the_notebook_and_records_the_device()
    {
        using var folder = new TemporaryFolder();

        var (code, _, error) = ToolRunner.Run("analyze", Basic, "--engine", "torch", "--device", "cpu", "-o", folder.File("r.json"));

        Assert.Equal(0, code);
        var result = ResultJson.Read(folder.File("r.json"));
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("f32_basic")), result.Layers);
        Assert.Equal("torch:cpu", result.Tool.Engine);
        Assert.StartsWith("monotone: engine torch:cpu, libtorch 2.10.0 from ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_chunk_memory_gives_the_same_numbers()
    {
        using var folder = new TemporaryFolder();

        var (code, _, _) = ToolRunner.Run("analyze", Basic, "--engine", "torch", "--device", "cpu", "--chunk-memory", "4K", "-o", folder.File("r.json"));

        Assert.Equal(0, code);
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("f32_basic")), ResultJson.Read(folder.File("r.json")).Layers);
    }

    [Fact]
    public void Auto_takes_torch_on_a_GPU_and_the_managed_engine_otherwise_and_says_which()
    {
        using var folder = new TemporaryFolder();

        var (code, _, error) = ToolRunner.Run("analyze", Basic, "--engine", "auto", "-o", folder.File("r.json"));

        Assert.Equal(0, code);
        string chosen = HasGpu ? "torch:cuda:0" : EngineCatalog.Managed.Name();
        Assert.Equal(chosen, ResultJson.Read(folder.File("r.json")).Tool.Engine);
        Assert.StartsWith($"monotone: engine auto chose {chosen}", error, StringComparison.Ordinal);
    }

    [CpuLibTorchFact]
    public void Auto_with_the_CPU_build_of_libtorch_chooses_the_managed_engine_without_loading_libtorch()
    {
        string package = CpuLibTorchFactAttribute.Package;

        // An empty NuGet cache: had auto looked for libtorch, it would have found none and said so.
        using var folder = new TemporaryFolder();
        var (code, _, error) = ToolProcess.Run(
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = folder.Path }, "analyze", Basic, "--engine", "auto", "-o", folder.File("r.json"));

        Assert.True(code == 0, error);
        Assert.StartsWith(
            $"monotone: engine auto chose {EngineCatalog.Managed.Name()}: no CUDA device for the torch engine (this tool is built for the CPU build of libtorch, {package}; ",
            error,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Torch_on_a_GPU_that_is_not_there_exits_3_naming_the_managed_engine()
    {
        var (code, stdout, error) = ToolRunner.Run("analyze", Basic, "--engine", "torch", "--device", "cuda:7");

        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("monotone: error MONO050: the torch engine cannot run here: cuda:7 is not available", error, StringComparison.Ordinal);
        Assert.EndsWith($"; use --engine {EngineCatalog.Managed.Name()} (the managed engine) instead", error.TrimEnd('\n'), StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void The_installed_tool_runs_torch_in_a_process_of_its_own()
    {
        using var folder = new TemporaryFolder();

        var (code, _, error) = ToolProcess.Run(new Dictionary<string, string>(), "analyze", Basic, "--engine", "torch", "--device", "cpu", "-o", folder.File("r.json"));

        Assert.True(code == 0, error);
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("f32_basic")), ResultJson.Read(folder.File("r.json")).Layers);
    }

    [Fact]
    public void When_libtorch_cannot_be_found_the_error_is_one_line_naming_the_managed_engine()
    {
        using var folder = new TemporaryFolder();

        var (code, stdout, error) = ToolProcess.Run(
            new Dictionary<string, string> { ["MONOTONE_LIBTORCH"] = folder.Path }, "analyze", Basic, "--engine", "torch", "--device", "cpu");

        Assert.Equal(3, code);
        Assert.Equal("", stdout);
        Assert.Equal(
            $"monotone: error MONO050: the torch engine cannot run here: MONOTONE_LIBTORCH is {folder.Path}, which holds no libtorch.so; use --engine {EngineCatalog.Managed.Name()} (the managed engine) instead",
            error.TrimEnd('\n'));
    }
}
