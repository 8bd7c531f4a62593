using Monotone.Tests.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.Manifest;

/// <summary>A manifest path that is no regular file is refused in one line before anything opens it.</summary>
public sealed class ManifestFileTypeTests
{
    [LinuxFact]
    public void A_fifo_given_as_the_manifest_is_refused_without_blocking_status_or_repro()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Fifo("experiments.yaml");

        // Opening a FIFO for reading blocks until a writer comes; RunBounded fails the test if it hangs.
        foreach (string command in (string[])["status", "repro"])
        {
            ToolAssert.FailsWithOneLine(ToolRunner.RunBounded(command, "--manifest", path), 2, $"{path}(1,1): error MONO001: cannot read the manifest: it is a pipe or FIFO");
        }
    }
}
