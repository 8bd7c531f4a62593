using System.Buffers;
using System.IO.Hashing;
using System.Text;
using Monotone.Core;
using Monotone.Engine;
using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>
/// The fingerprint hashed from the heads the analysis reads (one read of the file) is the
/// XxHash128 of the whole file, in order, whatever the format, the layout, the order the heads
/// arrive in, and the budget; a file that changes while read gets the hash of what was analysed.
/// </summary>
public class ReadAlongFingerprintTests
{
    [Theory]
    [MemberData(nameof(NotebookCases.ValidFiles), MemberType = typeof(NotebookCases))]
    public void Every_fixture_read_by_the_analysis_gets_the_xxhash128_of_the_whole_file(string file, string? tensorName)
    {
        string path = Path.Combine(NotebookCases.Folder, file);
        using var tensor = AttentionTensor.Open(path, tensorName);

        tensor.BeginFingerprint();
        new FastEngine(jobs: 2).Analyze(tensor, new AnalysisOptions());

        Assert.Equal(HashOf(File.ReadAllBytes(path)), tensor.EndFingerprint());
    }

    [Theory]
    [InlineData("f32_basic.pt", null, true)]
    [InlineData("bf16.pt", null, true)]
    [InlineData("archive_prefix.pt", null, true)]
    [InlineData("dict.pt", "attention_probs_mean", true)]
    [InlineData("view_offset.pt", null, true)]
    [InlineData("two_tensors_f32.safetensors", "attention_probs_mean", true)]
    [InlineData("f32_c.npy", null, true)]
    [InlineData("be_f4.npy", null, true)]
    [InlineData("transposed.pt", null, false)]
    [InlineData("view_slice.pt", null, false)]
    [InlineData("f64_fortran.npy", null, false)]
    public void Heads_back_to_back_are_hashed_from_the_analysis_buffers_and_other_layouts_by_a_second_read(string file, string? tensorName, bool along)
    {
        string path = Path.Combine(NotebookCases.Folder, file);
        using var tensor = AttentionTensor.Open(path, tensorName);

        tensor.BeginFingerprint();

        Assert.Equal(along, tensor.FingerprintReadsAlong);
        new ReferenceEngine().Analyze(tensor, new AnalysisOptions());
        Assert.Equal(HashOf(File.ReadAllBytes(path)), tensor.EndFingerprint());
    }

    [Fact]
    public void Heads_the_analysis_never_read_are_read_by_the_hash()
    {
        using var npy = new FingerprintedNpy();

        var buffer = new double[64];
        npy.Tensor.ReadHead(2, 1, buffer);
        npy.Tensor.ReadHead(0, 1, buffer);

        Assert.True(npy.Tensor.FingerprintReadsAlong);
        Assert.Equal(HashOf(File.ReadAllBytes(npy.Path)), npy.Tensor.EndFingerprint());
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(2500L)]
    [InlineData(1L << 30)]
    public void Heads_offered_in_any_order_from_several_threads_hash_as_the_file_whatever_the_budget(long budget)
    {
        using var folder = new TemporaryFolder();
        const int headBytes = 1000, heads = 40, dataStart = 4321;
        var bytes = new byte[dataStart + (headBytes * heads) + 777];
        new Random(7).NextBytes(bytes);
        string path = folder.File("data.bin");
        File.WriteAllBytes(path, bytes);
        using var handle = File.OpenHandle(path);
        using var fingerprint = new ReadAlongFingerprint(handle, dataStart, headBytes, heads, budget);
        var task = fingerprint.Start();

        // Every third head is never offered; the rest arrive shuffled, some twice, some skipped.
        var order = Enumerable.Range(0, heads).Where(i => i % 3 != 2).OrderBy(i => (i * 7919) % 13).ToArray();
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = 3 }, index =>
        {
            if (index % 5 == 4)
            {
                fingerprint.Skip(index);
                return;
            }

            for (int copy = 0; copy < 1 + (index % 2); copy++)
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(headBytes);
                bytes.AsSpan(dataStart + (index * headBytes), headBytes).CopyTo(buffer);
                if (!fingerprint.Offer(index, buffer))
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        });

        Assert.Equal(HashOf(bytes), fingerprint.Complete());
        Assert.True(task.IsCompletedSuccessfully);
    }

    [Fact]
    public void A_file_that_changes_while_read_gets_the_hash_of_the_bytes_analysed()
    {
        using var folder = new TemporaryFolder();
        string path = WriteNpy(folder.File("t.npy"), layers: 3, heads: 2, n: 8, seed: 1);
        byte[] other = File.ReadAllBytes(WriteNpy(folder.File("other.npy"), layers: 3, heads: 2, n: 8, seed: 2));
        int layerBytes = 2 * 8 * 8 * 4;
        int lastLayer = other.Length - layerBytes;
        int firstLayer = lastLayer - (2 * layerBytes);
        using var tensor = AttentionTensor.Open(path);

        // After the first layer the last layer's bytes become another tensor's, and after the
        // analysis the first layer's: what was analysed is neither the file before nor after.
        tensor.BeginFingerprint();
        var layers = new FastEngine(jobs: 1).Analyze(tensor, new AnalysisOptions(), new OnReport(done =>
        {
            if (done.LayersDone == 1)
            {
                Overwrite(path, lastLayer, other.AsSpan(lastLayer));
            }
        }));
        byte[] analysed = File.ReadAllBytes(path);
        Overwrite(path, firstLayer, other.AsSpan(firstLayer, layerBytes));

        Assert.Equal(HashOf(analysed), tensor.EndFingerprint());
        using var changed = AttentionTensor.Open(path);
        Assert.Equal(new FastEngine(jobs: 1).Analyze(changed, new AnalysisOptions())[2], layers[2]);
    }

    [Fact]
    public void A_file_truncated_while_read_is_refused_as_truncated()
    {
        using var npy = new FingerprintedNpy();

        npy.Tensor.ReadHead(0, 0, new double[64]);
        using (var stream = new FileStream(npy.Path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.SetLength(stream.Length / 2);
        }

        var error = Assert.Throws<BadInputException>(npy.Tensor.EndFingerprint);
        Assert.Equal(DiagnosticCodes.Input.Truncated, error.Code);
        Assert.Equal(npy.Path, error.Path);
    }

    [Fact]
    public async Task An_analysis_that_fails_stops_the_hash_without_waiting_for_heads()
    {
        using var folder = new TemporaryFolder();
        string path = WriteNpy(folder.File("t.npy"), layers: 3, heads: 2, n: 8, seed: 1);
        var tensor = AttentionTensor.Open(path);
        tensor.BeginFingerprint();
        tensor.ReadHead(1, 0, new double[64]);

        var disposing = Task.Run(tensor.Dispose);

        Assert.Same(disposing, await Task.WhenAny(disposing, Task.Delay(TimeSpan.FromSeconds(30))));
    }

    private static void Overwrite(string path, long position, ReadOnlySpan<byte> bytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        stream.Position = position;
        stream.Write(bytes);
    }

    private static string HashOf(byte[] bytes) => FileFingerprint.Prefix + Convert.ToHexStringLower(XxHash128.Hash(bytes));

    // A little-endian float32 .npy file of attention-like values (positive, rows summing to about 1).
    private static string WriteNpy(string path, int layers, int heads, int n, int seed)
    {
        string dictionary = $"{{'descr': '<f4', 'fortran_order': False, 'shape': ({layers}, {heads}, {n}, {n}), }}";
        int padded = ((10 + dictionary.Length + 1 + 63) / 64 * 64) - 10;
        var header = Encoding.ASCII.GetBytes(dictionary.PadRight(padded - 1) + "\n");
        var random = new Random(seed);
        using var stream = File.Create(path);
        stream.Write([0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, (byte)(header.Length >> 8)]);
        stream.Write(header);
        var values = new float[layers * heads * n * n];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() / n);
        }

        stream.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return path;
    }

    /// <summary>
    /// A 3-layer, 2-head, 8x8 float32 .npy (seed 1) in a temporary folder, opened, with its fingerprint begun: the
    /// file the tests that read heads by hand start from.
    /// </summary>
    private sealed class FingerprintedNpy : IDisposable
    {
        private readonly TemporaryFolder folder = new();

        public FingerprintedNpy()
        {
            Path = WriteNpy(folder.File("t.npy"), layers: 3, heads: 2, n: 8, seed: 1);
            Tensor = AttentionTensor.Open(Path);
            Tensor.BeginFingerprint();
        }

        public string Path { get; }

        public AttentionTensor Tensor { get; }

        public void Dispose()
        {
            Tensor.Dispose();
            folder.Dispose();
        }
    }

    private sealed class OnReport(Action<LayerProgress> report) : IProgress<LayerProgress>
    {
        public void Report(LayerProgress value) => report(value);
    }
}
