using Monotone.Core;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// The real `dotnet build` of a manifest with <c>source: files</c>: the plan task, in MSBuild's
/// task host, examines and fingerprints a real tensor file (FileStatus, the hash memo) and
/// writes its definition files there (AtomicFile), so the one stat(2) binding must load there.
/// </summary>
public class BuildFileInputTests
{
    [Fact]
    public void A_build_fingerprints_real_input_files_in_the_task_host_and_follows_their_changes()
    {
        using var sample = new SampleRepository(FileInputTests.Manifest("data"));
        string input = FileInputTests.CopyInput(sample.Folder, "f32_basic.pt");

        var first = sample.Dotnet("build");
        Assert.True(first.ExitCode == 0, first.Log);
        Assert.Contains("model/12: analysing", first.Log, StringComparison.Ordinal);
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("f32_basic")), ResultJson.Read(sample.Result("model", 12)).Layers);

        var written = File.GetLastWriteTimeUtc(sample.Result("model", 12));
        var unchanged = sample.Dotnet("build");
        var unchangedTime = File.GetLastWriteTimeUtc(sample.Result("model", 12));
        File.Copy(Path.Combine(NotebookCases.Folder, "view_offset.pt"), input, overwrite: true);
        var changed = sample.Dotnet("build");

        // The plan remembered the input's identity: an unchanged file is neither re-analysed nor a build error.
        Assert.True(unchanged.ExitCode == 0, unchanged.Log);
        Assert.DoesNotContain("dotnet-monotone.dll\" repro", unchanged.Log, StringComparison.Ordinal);
        Assert.Equal(written, unchangedTime);
        Assert.True(File.Exists(Path.Combine(sample.Folder, ".monotone", "fingerprints.json")));

        Assert.True(changed.ExitCode == 0, changed.Log);
        Assert.Contains("model/12: analysing", changed.Log, StringComparison.Ordinal);
        NotebookAgreement.AssertEqual(NotebookCases.ExpectedLayers(NotebookCases.Get("view_offset")), ResultJson.Read(sample.Result("model", 12)).Layers);
    }
}
