using System.IO.Pipes;
using Monotone.Core;
using Monotone.Engine;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>
/// Files built to cost time or memory, and inputs that are not files at all: each is refused
/// in one line naming it, with exit code 2 and its own code, before it costs what it asks for.
/// </summary>
[Collection(nameof(HostileInputTests))]
[CollectionDefinition(nameof(HostileInputTests), DisableParallelization = true)]
public class HostileInputTests
{
    [Theory]
    [InlineData(1, int.MaxValue)]
    [InlineData(int.MaxValue, 1)]
    public void A_300_byte_file_declaring_2_to_the_31_heads_or_layers_with_zero_strides_is_refused_with_the_memory_it_needs(int layers, int heads)
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("bomb.pt");
        HostileFiles.WriteTorchZip(path, HostileFiles.TensorPickle([layers, heads, 2, 2], [0, 0, 0, 0]), ("0", new byte[4]));
        Assert.True(new FileInfo(path).Length < 1024);

        var (code, output, error) = ToolRunner.RunBounded("analyze", path, "-o", folder.File("result.json"));

        Assert.Equal(2, code);
        Assert.Equal("", output);
        AssertOneLine(error, path, "needs");
        Assert.Contains("but", error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("result.json")));
    }

    [Fact]
    public void The_memory_check_counts_the_fast_engines_workers_and_says_how_many_would_fit()
    {
        var source = new ShapeOnly(8, 4, 100);
        var fast = new FastEngine(jobs: 8);
        long one = MemoryRequirement.Bytes(source, new FastEngine(jobs: 1));
        long eight = MemoryRequirement.Bytes(source, fast);

        // Two n x n float64 buffers per worker at least.
        Assert.True(eight - one >= 7 * 2 * 100 * 100 * 8, $"{one} {eight}");
        MemoryRequirement.Check(source, fast, eight);
        var error = Assert.Throws<BadInputException>(() => MemoryRequirement.Check(source, fast, eight - 1));
        Assert.Equal(DiagnosticCodes.Input.Memory, error.Code);
        Assert.Contains("with analyze --threads 7 or fewer it would fit", error.Message, StringComparison.Ordinal);
        Assert.True(MemoryRequirement.Bytes(source, new ReferenceEngine()) < eight);
    }

    [Fact]
    public void The_largest_shapes_are_counted_without_wrapping_and_refused()
    {
        var largest = new ShapeOnly(int.MaxValue, int.MaxValue, 46_340);

        // The ALiBi rows alone: H rows of n float64 values.
        Assert.True(MemoryRequirement.Bytes(largest, new FastEngine()) >= (long)int.MaxValue * 46_340 * 8);
        var error = Assert.Throws<BadInputException>(() => MemoryRequirement.Check(largest, new ReferenceEngine(), 1L << 30));
        Assert.Equal(DiagnosticCodes.Input.Memory, error.Code);
        Assert.Contains("but 1.0 GiB is available", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_head_too_large_for_one_array_is_refused_whatever_memory_there_is()
    {
        var error = Assert.Throws<BadInputException>(() => MemoryRequirement.Check(new ShapeOnly(1, 1, 46_341), new FastEngine(), long.MaxValue));

        Assert.Equal(DiagnosticCodes.Input.Shape, error.Code);
    }

    [Fact]
    public void Twenty_megabytes_of_nested_empty_lists_are_refused_early_in_bounded_memory()
    {
        const int depth = 10_000_000;
        var pickle = new HostileFiles.PickleWriter().Proto();
        pickle.Raw(Enumerable.Repeat((byte)']', depth).ToArray()).Raw(Enumerable.Repeat((byte)'a', depth - 1).ToArray()).Op((byte)'.');
        using var folder = new TemporaryFolder();
        string path = folder.File("lists.pt");
        HostileFiles.WriteTorchZip(path, pickle.ToArray());

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<BadInputException>(() => AttentionTensor.Open(path));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(DiagnosticCodes.Input.PickleLimit, error.Code);
        Assert.Contains("more than 100,000 objects", error.Message, StringComparison.Ordinal);

        // The 20 MB entry itself is read once; Razorvine never builds a list.
        Assert.True(allocated < 64L << 20, $"{allocated:N0} bytes allocated");
    }

    [Theory]
    [InlineData("LONG4")]
    [InlineData("LONG")]
    [InlineData("INT")]
    public void An_integer_of_ten_million_digits_is_refused_before_it_is_parsed(string opcode)
    {
        var pickle = new HostileFiles.PickleWriter().Proto();
        if (opcode == "LONG4")
        {
            // 10^7 decimal digits are about 4.15 million bytes of two's complement.
            byte[] length = BitConverter.GetBytes(4_152_410);
            pickle.Op(0x8b).Raw(length).Raw(new byte[4_152_410]).Op((byte)'.');
        }
        else
        {
            pickle.Op((byte)(opcode == "LONG" ? 'L' : 'I')).Raw(Enumerable.Repeat((byte)'9', 10_000_000).ToArray()).Raw("L\n."u8);
        }

        using var folder = new TemporaryFolder();
        string path = folder.File("integer.pt");
        HostileFiles.WriteTorchZip(path, pickle.ToArray());

        var (code, _, error) = ToolRunner.RunBounded("analyze", path);

        Assert.Equal(2, code);
        AssertOneLine(error, path, "integer of");
    }

    [Fact]
    public void Containers_nested_past_the_mark_limit_are_refused()
    {
        var pickle = new HostileFiles.PickleWriter().Proto().Raw(Enumerable.Repeat((byte)'(', 5000).ToArray()).Op((byte)'.');

        var error = Assert.Throws<BadInputException>(() => Monotone.TensorInput.Formats.PickleBounds.Check("data.pkl", pickle.ToArray()));

        Assert.Equal(DiagnosticCodes.Input.PickleLimit, error.Code);
        Assert.Contains("nests more than 1,000 containers", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x80, 2, 0xff, (byte)'.' }, "unknown opcode 0xff")]
    [InlineData(new byte[] { 0x80, 2, (byte)'a', (byte)'.' }, "pops an empty stack")]
    [InlineData(new byte[] { 0x80, 2, (byte)'N' }, "ends without a STOP")]
    [InlineData(new byte[] { 0x80, 2, (byte)'N', (byte)'N', (byte)'.' }, "unfinished stack")]
    [InlineData(new byte[] { 0x80, 2, (byte)'t', (byte)'.' }, "no MARK")]
    [InlineData(new byte[] { 0x80, 2, (byte)'X', 9, 0, 0, 0, (byte)'a' }, "inside an opcode's argument")]
    public void A_damaged_opcode_stream_is_refused_before_unpickling(byte[] pickle, string problem)
    {
        var error = Assert.Throws<BadInputException>(() => Monotone.TensorInput.Formats.PickleBounds.Check("data.pkl", pickle));

        Assert.Equal(DiagnosticCodes.Input.PickleContent, error.Code);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_valid_fixture_pickle_is_within_the_bounds()
    {
        // The bounds refuse only what torch.save never writes: each fixture's data.pkl passes.
        foreach (string file in NotebookCases.ValidFiles().Select(row => Path.Combine(NotebookCases.Folder, (string)row[0])).Where(f => f.EndsWith(".pt", StringComparison.Ordinal)))
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(file);
            var entry = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal));
            if (entry is null)
            {
                continue;
            }

            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            Monotone.TensorInput.Formats.PickleBounds.Check(file, copy.ToArray());
        }
    }

    [Fact]
    public void A_directory_is_called_a_directory()
    {
        using var folder = new TemporaryFolder();

        var (code, _, error) = ToolRunner.RunBounded("analyze", folder.Path);

        Assert.Equal(2, code);
        AssertOneLine(error, folder.Path, "is a directory");
    }

    [LinuxFact]
    public void A_fifo_is_refused_without_opening_it()
    {
        using var folder = new TemporaryFolder();
        string path = folder.Fifo("fifo.pt");


        // Opening a FIFO for reading blocks until a writer comes; RunBounded fails the test if it hangs.
        var (code, _, error) = ToolRunner.RunBounded("analyze", path);

        Assert.Equal(2, code);
        AssertOneLine(error, path, "is a pipe or FIFO");
    }

    [LinuxFact]
    public void A_fifo_or_directory_where_a_manifest_expects_its_input_is_refused_by_status_and_run()
    {
        using var study = new SampleStudy(Monotone.Tests.Pipeline.FileInputTests.Manifest("data"));
        string path = Path.Combine(study.Folder, "data", "org_model", "12", "attention_probs_mean.pt");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        TemporaryFolder.MakeFifo(path);

        // Hashing a FIFO blocks until a writer comes; RunBounded fails the test if it hangs.
        var status = ToolRunner.RunBounded("status", "--manifest", study.ManifestPath);
        Assert.Equal(2, status.ExitCode);
        AssertOneLine(status.Error, path, "is a pipe or FIFO");

        // run says which experiment it starts before it meets the input; the problem is still one line.
        var run = ToolRunner.RunBounded("run", "--manifest", study.ManifestPath);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}: error MONO022: is a pipe or FIFO", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(study.Result("model", 12)));

        File.Delete(path);
        Directory.CreateDirectory(path);
        var directory = ToolRunner.RunBounded("status", "--manifest", study.ManifestPath);
        Assert.Equal(2, directory.ExitCode);
        AssertOneLine(directory.Error, path, "is a directory");
    }

    [LinuxFact]
    public void A_pipe_named_by_a_proc_fd_path_is_refused()
    {
        // What /dev/stdin or <(...) name when the shell feeds a pipe.
        using var pipe = new AnonymousPipeServerStream(PipeDirection.Out);
        string path = $"/proc/self/fd/{pipe.ClientSafePipeHandle.DangerousGetHandle()}";

        var (code, _, error) = ToolRunner.RunBounded("analyze", path);

        Assert.Equal(2, code);
        AssertOneLine(error, path, "is a pipe or FIFO");
    }

    [LinuxFact("/proc/version")]
    public void A_procfs_file_is_not_called_empty()
    {
        var (code, _, error) = ToolRunner.RunBounded("analyze", "/proc/version");

        Assert.Equal(2, code);
        AssertOneLine(error, "/proc/version", "reports a size of 0 but has content");
    }

    [Fact]
    public void Control_characters_from_a_pickles_keys_are_escaped()
    {
        string path = Path.Combine(NotebookCases.Folder, "escape_keys.pt");

        var (code, _, error) = ToolRunner.RunBounded("analyze", path);

        Assert.Equal(2, code);
        Assert.DoesNotContain('\x1b', error);
        AssertOneLine(error, path, "\\e[2J\\e[31mevil");
    }

    /// <summary>Runs the tool in-process, failing the test (not hanging it) past 30 s.</summary>
    internal static void AssertOneLine(string error, string path, string problem)
    {
        string[] lines = error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, $"{lines.Length} lines: {error}");
        Assert.Contains(path, lines[0], StringComparison.Ordinal);
        Assert.Contains(problem, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    /// <summary>A source with a shape and nothing to read: memory arithmetic only.</summary>
    private sealed class ShapeOnly(int layers, int heads, int n) : IAttentionSource
    {
        public string Path => "shape-only";

        public InputFormat Format => InputFormat.Synthetic;

        public TensorDtype Dtype => TensorDtype.Float32;

        public int Layers => layers;

        public int Heads => heads;

        public int SequenceLength => n;

        public void ReadHead(int layer, int head, Span<double> destination) => throw new NotSupportedException();
    }
}
