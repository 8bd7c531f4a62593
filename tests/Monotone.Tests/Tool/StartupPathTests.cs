using System.Text.Json;
using Mono.Unix.Native;
using Monotone.Core;
using Monotone.Engine;
using Monotone.Pipeline;
using Monotone.Results;
using Monotone.Tests.Support;
using Monotone.Tests.TensorInput;
using Monotone.TensorInput.Synthetic;
using Monotone.Tool;
using Monotone.Tool.Console;

namespace Monotone.Tests.Tool;

/// <summary>
/// What the start-up path of `analyze` does instead of its slower equivalents (docs/building.md,
/// "Start-up") gives the same answers: the result file's writer-only serializer writes the bytes
/// the full serializer writes, and the stat binding into Mono.Unix's native helper reads what
/// Mono.Unix's own managed wrappers read.
/// </summary>
public class StartupPathTests
{
    public static TheoryData<string> Results() => ["mpt-7b", "bloom-176b", "tensor-named", "edge-values"];

    [Theory]
    [MemberData(nameof(Results))]
    public void The_writer_writes_the_bytes_of_the_full_serializer(string name)
    {
        var result = Result(name);

        byte[] full = JsonSerializer.SerializeToUtf8Bytes(result, ResultJsonContext.Format.MonotonicityResult);

        Assert.Equal([.. full, (byte)'\n'], ResultJson.ToBytes(result));
    }

    [Fact]
    public void What_the_writer_writes_reads_back_as_the_same_result()
    {
        var result = Result("tensor-named");

        var read = ResultJson.FromBytes(ResultJson.ToBytes(result));

        Assert.Equal(result.Layers, read.Layers);
        Assert.Equal((result.Input.Path, result.Input.Tensor, result.Input.Fingerprint), (read.Input.Path, read.Input.Tensor, read.Input.Fingerprint));
        Assert.Equal(result.Options.SlopeValues, read.Options.SlopeValues);
    }

    [LinuxFact]
    public void File_status_equals_mono_unix_stat_for_a_file_a_link_a_folder_and_a_missing_path()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllBytes(folder.File("file"), new byte[1234]);
        File.CreateSymbolicLink(folder.File("link"), folder.File("file"));

        foreach (string path in new[] { folder.File("file"), folder.File("link"), folder.Path })
        {
            foreach (bool follow in new[] { true, false })
            {
                var status = FileStatus.Of(path, follow);
                Assert.Equal(0, follow ? Syscall.stat(path, out var stat) : Syscall.lstat(path, out stat));
                Assert.Equal((stat.st_dev, stat.st_ino, stat.st_size), (status.Device, status.Inode, status.Size));
                Assert.Equal(stat.st_mtime * 1_000_000_000 + stat.st_mtime_nsec, status.Modified);
                Assert.Equal(stat.st_ctime * 1_000_000_000 + stat.st_ctime_nsec, status.Changed);
                Assert.Null(status.Error);
            }
        }

        Assert.Equal(FileKind.SymbolicLink, FileStatus.Of(folder.File("link"), followLinks: false).Kind);
        Assert.Equal(FileKind.RegularFile, FileStatus.Of(folder.File("link"), followLinks: true).Kind);
        Assert.Equal(FileKind.Directory, FileStatus.Of(folder.Path, followLinks: true).Kind);
        Assert.Equal(new FileStatus(FileKind.Missing, 0, 0, 0, 0, 0, "ENOENT"), FileStatus.Of(folder.File("missing"), followLinks: true));
        Assert.Equal("ENOTDIR", FileStatus.Of(folder.File("file/below"), followLinks: false).Error);
    }

    [Fact]
    public void The_warm_up_rehearses_a_real_fast_analysis_and_its_result_file()
    {
        var rehearsed = ResultJson.FromBytes(AnalysisWarmup.Rehearse());

        var source = new SyntheticAttention("warm-up", layers: 1, heads: 2, sequenceLength: 48, seed: 0);
        var reference = new ReferenceEngine().Analyze(source, new AnalysisOptions());
        Assert.Equal("fast", rehearsed.Tool.Engine);
        Assert.Equal([1L, 2, 48, 48], rehearsed.Input.Shape);
        Assert.Equal(reference.Select(l => l.ViolationsCount), rehearsed.Layers.Select(l => l.ViolationsCount));
    }

    [Theory]
    [InlineData(true, "analyze", "in.pt")]
    [InlineData(true, "verify")]
    [InlineData(true, "repro", "--only", "mpt-7b")]
    [InlineData(false, "run")]
    [InlineData(false, "status")]
    [InlineData(false, "figures")]
    [InlineData(false, "--help")]
    [InlineData(false)]
    public void Only_commands_that_always_analyse_start_the_warm_up(bool warms, params string[] args)
    {
        Assert.Equal(warms, MonotoneCli.WarmsUp(args));
        if (warms)
        {
            Assert.Contains(MonotoneCli.Commands(new ToolConsole(TextWriter.Null, TextWriter.Null, Interactive: false)).Subcommands, c => c.Name == args[0]);
        }
    }

    private static MonotonicityResult Result(string name) => name switch
    {
        "mpt-7b" => SampleResults.Result(0, 32, 32, 256),
        "bloom-176b" => SampleResults.Result(1, 70, 112, 2048, scale: 3),
        "tensor-named" => SampleResults.Result(2, 2, 4, 12) with
        {
            Input = SampleResults.Result(2, 2, 4, 12).Input with { Tensor = "attn \"mean\"/é", Path = "dir/ünïcode \\ path.pt" },
        },
        _ => SampleResults.Result(3, 3, 4, 16) with
        {
            Layers =
            [
                new LayerStats(long.MaxValue, 0, 0, -0.0, 0, 0, 0, 0, 0) { Layer = 1 },
                new LayerStats(6, 6, double.Epsilon, 1e308, 1, 5e-324, 1.7976931348623157e308, 0.1 + 0.2, 1.0 / 3) { Layer = 2 },
                new LayerStats(1, 1, 1e-15, 123456789.123456789, 1e-7, 2.5e-10, 1e21, 1e-21, 12345678901234567890.0) { Layer = int.MaxValue },
            ],
        },
    };
}
