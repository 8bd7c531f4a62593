using System.Text.Json;
using Monotone.Results;
using Monotone.TensorInput;

namespace Monotone.Pipeline;

/// <summary>
/// Remembers input fingerprints by file identity (path, size, mtime, inode) in
/// <c>.monotone/fingerprints.json</c>, so unchanged multi-GB inputs are hashed once.
/// The file is machine-local state and is not committed.
/// </summary>
public sealed class HashMemo
{
    private readonly string path;
    private readonly Lock gate = new();
    private Dictionary<string, Entry> entries;

    private HashMemo(string path, Dictionary<string, Entry> entries)
    {
        this.path = path;
        this.entries = entries;
    }

    public static HashMemo Open(string stateFolder)
    {
        string path = Path.Combine(stateFolder, "fingerprints.json");
        return new HashMemo(path, Load(path));
    }

    /// <summary>The input's fingerprint and how it was obtained.</summary>
    /// <param name="trusted">
    /// A fingerprint from a committed result, taken without hashing when this machine
    /// has never seen the file and its size matches (a fresh clone); null to always hash.
    /// </param>
    public Fingerprint Get(string file, Fingerprint? trusted = null)
    {
        var identity = FileIdentity.Of(file);
        bool seen;
        lock (gate)
        {
            if (entries.TryGetValue(file, out var known) && known.Identity == identity)
            {
                return new Fingerprint(known.Value, known.Trusted ? FingerprintOrigin.Trusted : FingerprintOrigin.Memo);
            }

            seen = entries.ContainsKey(file);
        }

        var result = trusted is { } committed && committed.Bytes == identity.Size && !seen
            ? new Fingerprint(committed.Value, FingerprintOrigin.Trusted)
            : new Fingerprint(FileFingerprint.Compute(file), FingerprintOrigin.Hashed);
        Remember(file, identity, result);
        return result;
    }

    /// <summary>Hashes the file now, whatever the memo says, and remembers the answer.</summary>
    public Fingerprint Rehash(string file)
    {
        var identity = FileIdentity.Of(file);
        var result = new Fingerprint(FileFingerprint.Compute(file), FingerprintOrigin.Hashed);
        Remember(file, identity, result);
        return result;
    }

    /// <summary>Records a fingerprint just hashed elsewhere (beside an analysis, say).</summary>
    public void Remember(string file, string fingerprint) =>
        Remember(file, FileIdentity.Of(file), new Fingerprint(fingerprint, FingerprintOrigin.Hashed));

    private void Remember(string file, FileIdentity identity, Fingerprint fingerprint)
    {
        lock (gate)
        {
            // Merge with what other processes (other shards) wrote meanwhile.
            entries = Load(path);
            entries[file] = new Entry(fingerprint.Value, identity, fingerprint.Origin == FingerprintOrigin.Trusted);
            AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(entries, new JsonSerializerOptions { WriteIndented = true }));
        }
    }

    private static Dictionary<string, Entry> Load(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllBytes(path)) ?? [];
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // A missing or damaged memo only costs hashing again.
            return [];
        }
    }

    private sealed record Entry(string Value, FileIdentity Identity, bool Trusted);
}

/// <summary>An input's fingerprint; <see cref="Bytes"/> is set when it comes from a result file.</summary>
public sealed record Fingerprint(string Value, FingerprintOrigin Origin, long Bytes = -1);

public enum FingerprintOrigin
{
    /// <summary>Hashed from the file's bytes just now.</summary>
    Hashed,

    /// <summary>Hashed earlier on this machine; the file's identity has not changed since.</summary>
    Memo,

    /// <summary>Taken from a committed result without hashing; `verify` re-hashes.</summary>
    Trusted,

    /// <summary>Computed from a synthetic input's parameters.</summary>
    Generated,
}
