using Monotone.TensorInput;
using Monotone.Tests.Support;

namespace Monotone.Tests.TensorInput;

/// <summary>The chunked hash that reports progress gives FileFingerprint's value, and reports only after its quiet time.</summary>
public class FileFingerprintTests
{
    [Fact]
    public void Gives_the_file_fingerprint_and_reports_progress_up_to_the_whole_file()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("input.bin");
        var bytes = new byte[(9 << 20) + 123];
        new Random(5).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        var reports = new List<(long Done, long Total)>();

        string value = FileFingerprint.Compute(path, (done, total) => reports.Add((done, total)), CancellationToken.None, quiet: TimeSpan.Zero);

        Assert.Equal(FileFingerprint.Compute(path), value);
        Assert.Equal(3, reports.Count);
        Assert.All(reports, r => Assert.Equal(bytes.Length, r.Total));
        Assert.Equal(bytes.Length, reports[^1].Done);
    }

    [Fact]
    public void A_quick_hash_reports_nothing()
    {
        using var folder = new TemporaryFolder();
        string path = folder.File("input.bin");
        File.WriteAllBytes(path, new byte[1000]);
        int reports = 0;

        FileFingerprint.Compute(path, (_, _) => reports++, CancellationToken.None, quiet: TimeSpan.FromHours(1));

        Assert.Equal(0, reports);
    }
}
