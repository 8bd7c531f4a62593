using System.Diagnostics;
using Monotone.Core;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Results;

public class AtomicFileTests
{
    [Fact]
    public void Debris_of_a_dead_writer_is_removed_by_the_next_write_and_a_live_writers_kept()
    {
        using var folder = new TemporaryFolder();
        int dead = DeadProcessId();
        string deadTemp = folder.File($".r.json.{dead}.{Guid.NewGuid():N}.tmp");
        string liveTemp = folder.File($".r.json.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        string notOurs = folder.File(".notes.tmp");
        foreach (string file in new[] { deadTemp, liveTemp, notOurs })
        {
            File.WriteAllText(file, "partial");
        }

        AtomicFile.Write(folder.File("other.json"), "{}"u8);

        Assert.False(File.Exists(deadTemp));
        Assert.True(File.Exists(liveTemp));
        Assert.True(File.Exists(notOurs));
    }

    [Fact]
    public void Permission_denied_names_the_result_not_the_temporary_file()
    {
        var problem = AtomicFile.Describe("out/r.json", new UnauthorizedAccessException("Access to the path '/x/out/.r.json.1.abc.tmp' is denied."));

        Assert.Equal(DiagnosticCodes.CommandLineAndFiles.AccessDenied, problem.Code);
        Assert.Equal("out/r.json", problem.Path);
        Assert.DoesNotContain(".tmp", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_full_disk_names_the_result_not_the_temporary_file()
    {
        // .NET's IOException for ENOSPC carries the errno as HResult and names the file it wrote.
        var full = new IOException("No space left on device : '/x/out/.r.json.1.abc.tmp'", 28);

        var problem = AtomicFile.Describe("out/r.json", full);

        Assert.Equal(DiagnosticCodes.CommandLineAndFiles.DiskFull, problem.Code);
        Assert.StartsWith("out/r.json: the disk is full", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_file_system_failure_quotes_the_result_path()
    {
        var problem = AtomicFile.Describe("out/r.json", new IOException("Read-only file system : '/x/out/.r.json.1.abc.tmp'", 30));

        Assert.Equal(DiagnosticCodes.CommandLineAndFiles.FileSystem, problem.Code);
        Assert.Equal("out/r.json: cannot write: Read-only file system : 'out/r.json'", problem.Message);
    }

    [TinyFileSystemFact]
    public void A_full_disk_keeps_the_previous_result_and_leaves_no_temporary_file()
    {
        using var disk = new TinyFileSystem();
        string result = System.IO.Path.Combine(disk.Path, "r.json");
        File.WriteAllText(result, "previous");
        using (var filler = File.Create(System.IO.Path.Combine(disk.Path, "filler")))
        {
            Assert.ThrowsAny<IOException>(() => filler.Write(new byte[128 * 1024]));
        }

        var error = Assert.Throws<OutputFileException>(() => AtomicFile.Write(result, new byte[32 * 1024]));

        Assert.Equal(DiagnosticCodes.CommandLineAndFiles.DiskFull, error.Code);
        Assert.StartsWith($"{result}: the disk is full", error.Message, StringComparison.Ordinal);
        Assert.Equal("previous", File.ReadAllText(result));
        Assert.Equal(["filler", "r.json"], Directory.GetFiles(disk.Path).Select(System.IO.Path.GetFileName).Order());
    }

    private static int DeadProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true"))!;
        process.WaitForExit();
        return process.Id;
    }
}
