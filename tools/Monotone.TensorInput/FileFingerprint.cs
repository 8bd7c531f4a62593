using System.IO.Hashing;

namespace Monotone.TensorInput;

/// <summary>Content fingerprints of input files (XxHash128: fast enough for multi-GB tensors).</summary>
public static class FileFingerprint
{
    public const string Prefix = "xxh128:";

    public static string Compute(string path)
    {
        var hash = new XxHash128();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        hash.Append(stream);
        return Prefix + Convert.ToHexStringLower(hash.GetCurrentHash());
    }
}
