using System.Text.Json;
using Monotone.Results;

namespace Monotone.Pipeline;

/// <summary>
/// Remembers input fingerprints this machine computed, by file identity (path, size, mtime,
/// ctime, inode: <see cref="FileIdentity"/>), in <c>.monotone/fingerprints.json</c>, so
/// unchanged multi-GB inputs are hashed once. It only ever holds hashes of bytes read here;
/// the file is machine-local state and is not committed.
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

    /// <summary>The fingerprint hashed here from the file when it had exactly this identity; null otherwise.</summary>
    public string? Recall(string file, FileIdentity identity)
    {
        lock (gate)
        {
            return entries.TryGetValue(file, out var known) && known.Identity == identity ? known.Value : null;
        }
    }

    /// <summary>Records a fingerprint hashed here from the file while it had <paramref name="identity"/> (taken before hashing).</summary>
    public void Remember(string file, FileIdentity identity, string fingerprint)
    {
        lock (gate)
        {
            // Merge with what other processes (other shards) wrote meanwhile.
            entries = Load(path);
            entries[file] = new Entry(fingerprint, identity);
            try
            {
                AtomicFile.Write(path, JsonSerializer.SerializeToUtf8Bytes(entries, HashMemoJsonContext.Default.DictionaryStringEntry));
            }
            catch (OutputFileException)
            {
                // The memo is a cache: a read-only checkout (status, verify) hashes again next time
                // rather than fail a command that writes nothing else.
            }
        }
    }

    private static Dictionary<string, Entry> Load(string path)
    {
        try
        {
            var loaded = JsonSerializer.Deserialize(File.ReadAllBytes(path), HashMemoJsonContext.Default.DictionaryStringEntry) ?? [];

            // Entries of an older memo lack the change time (0): they never match, so those inputs are hashed again.
            return loaded.Where(e => e.Value?.Value is not null).ToDictionary(e => e.Key, e => e.Value);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // A missing or damaged memo only costs hashing again.
            return [];
        }
    }

    internal sealed record Entry(string Value, FileIdentity Identity);
}
