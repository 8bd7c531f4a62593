using System.Diagnostics;
using System.IO.Hashing;

namespace Monotone.TensorInput;

/// <summary>Content fingerprints of input files (XxHash128: fast enough for multi-GB tensors).</summary>
public static class FileFingerprint
{
    public const string Prefix = "xxh128:";

    private const int ChunkBytes = 4 << 20;

    public static string Compute(string path) => Compute(path, progress: null, CancellationToken.None);

    /// <summary>
    /// Hashes the file in chunks, reporting progress once a second after the first second, so
    /// that hashing a multi-GB tensor is never a silent wait.
    /// </summary>
    /// <param name="progress">Called with (bytes hashed, file size) at most once a second, from the first second on.</param>
    /// <param name="quiet">How long hashing goes unreported, and then the interval between reports; one second unless a test says otherwise.</param>
    public static string Compute(string path, Action<long, long>? progress, CancellationToken cancellation, TimeSpan? quiet = null)
    {
        var interval = quiet ?? TimeSpan.FromSeconds(1);
        var hash = new XxHash128();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long total = stream.Length;
        long done = 0;
        var buffer = new byte[ChunkBytes];
        var clock = Stopwatch.StartNew();
        var nextReport = interval;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            hash.Append(buffer.AsSpan(0, read));
            done += read;
            if (progress is not null && clock.Elapsed >= nextReport)
            {
                progress(done, total);
                nextReport = clock.Elapsed + interval;
            }
        }

        return Prefix + Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
