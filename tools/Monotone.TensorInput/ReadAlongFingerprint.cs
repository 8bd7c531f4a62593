using System.Buffers;
using System.IO.Hashing;
using Microsoft.Win32.SafeHandles;

namespace Monotone.TensorInput;

/// <summary>
/// The input's fingerprint (<see cref="FileFingerprint"/>: XxHash128 of the whole file, in file
/// order) hashed from the head buffers the analysis reads anyway, so the tensor's bytes are copied
/// out of the file once instead of twice (docs/building.md, "Start-up"). Only for a tensor whose
/// heads lie back to back in (layer, head) order: the bytes before the first head and after the
/// last are read by the hashing thread itself.
/// </summary>
/// <remarks>
/// Workers read heads in any order and hand each head's buffer over (<see cref="Offer"/>); the
/// hashing thread appends the buffers in file order and returns them to the pool. A buffer that
/// arrives ahead of the hash is held only while the held bytes stay within
/// <paramref name="budget"/> (memory O(workers × layer) for small heads, bounded for large ones);
/// past it, or when a head is never read through a buffer, the hashing thread reads that head from
/// the file itself, as <see cref="FileFingerprint"/> would have. The bytes hashed are the bytes
/// analysed, even if the file changes while it is read.
/// </remarks>
/// <param name="file">The open tensor file; read with positional reads only.</param>
/// <param name="dataStart">File position of the first head's first byte.</param>
/// <param name="headBytes">Bytes of one head (n·n·element size).</param>
/// <param name="heads">Heads in the file: layers × heads.</param>
/// <param name="budget">Most bytes of heads held ahead of the hash.</param>
internal sealed class ReadAlongFingerprint(SafeFileHandle file, long dataStart, int headBytes, int heads, long budget) : IDisposable
{
    /// <summary>Default <c>budget</c>: most bytes of heads held ahead of the hash (a layer of bloom-176b at n = 256 is 28 MiB).</summary>
    public const long DefaultBudget = 64L << 20;

    private const int ChunkBytes = 4 << 20;

    // Marks a head the hashing thread reads from the file (or has hashed already).
    private static readonly byte[] Skipped = [];

    private readonly object gate = new();

    // Per head in file order: null while unread, Read.Skipped when the hashing thread must read it
    // from the file, otherwise the worker's buffer (returned to the pool once hashed).
    private readonly byte[]?[] buffers = new byte[heads][];
    private readonly XxHash128 hash = new();
    private long held;
    private int next;
    private bool stopped;
    private Task<string>? hashing;

    /// <summary>Starts the hashing thread; the task completes after <see cref="Complete"/> with the fingerprint.</summary>
    public Task<string> Start()
    {
        hashing = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return hashing;
    }

    /// <summary>
    /// Hands over the buffer that holds head <paramref name="index"/> (layer × heads + head) as
    /// read from the file (its first <c>headBytes</c> bytes). True when the fingerprint keeps it
    /// and returns it to <see cref="ArrayPool{T}.Shared"/>; false when the caller keeps it (the
    /// head was read before, or holding it would pass the budget: the hashing thread then reads
    /// the head from the file).
    /// </summary>
    public bool Offer(int index, byte[] buffer)
    {
        lock (gate)
        {
            if (stopped || index < next || buffers[index] is not null)
            {
                return false;
            }

            bool keep = index == next || held + headBytes <= budget;
            buffers[index] = keep ? buffer : Skipped;
            held += keep ? headBytes : 0;
            Monitor.PulseAll(gate);
            return keep;
        }
    }

    /// <summary>Head <paramref name="index"/> is read without a buffer to hand over: the hashing thread reads it.</summary>
    public void Skip(int index)
    {
        lock (gate)
        {
            buffers[index] ??= Skipped;
            Monitor.PulseAll(gate);
        }
    }

    /// <summary>The analysis is over: heads it never read are read by the hashing thread; waits for the fingerprint.</summary>
    public string Complete()
    {
        lock (gate)
        {
            for (int i = next; i < buffers.Length; i++)
            {
                buffers[i] ??= Skipped;
            }

            Monitor.PulseAll(gate);
        }

        return (hashing ?? throw new InvalidOperationException("the fingerprint was never started")).GetAwaiter().GetResult();
    }

    /// <summary>Stops the hashing thread (an analysis that failed) and returns the buffers held.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            stopped = true;
            Monitor.PulseAll(gate);
        }

        try
        {
            hashing?.Wait();
        }
        catch (AggregateException)
        {
            // Stopped, or the file failed to read: the analysis's own error is the one reported.
        }

        lock (gate)
        {
            for (int i = 0; i < buffers.Length; i++)
            {
                if (buffers[i] is { } buffer && buffer != Skipped)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                buffers[i] = null;
            }
        }
    }

    private string Run()
    {
        long position = 0;
        AppendFile(ref position, dataStart);
        for (int index = 0; index < buffers.Length; index++)
        {
            byte[] buffer;
            lock (gate)
            {
                while (buffers[index] is null && !stopped)
                {
                    Monitor.Wait(gate);
                }

                if (stopped)
                {
                    throw new OperationCanceledException("the analysis stopped before the input was hashed");
                }

                buffer = buffers[index]!;
            }

            if (buffer == Skipped)
            {
                AppendFile(ref position, position + headBytes);
            }
            else
            {
                hash.Append(buffer.AsSpan(0, headBytes));
                position += headBytes;
            }

            lock (gate)
            {
                if (buffer != Skipped)
                {
                    held -= headBytes;
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                buffers[index] = Skipped;
                next = index + 1;
            }
        }

        AppendFile(ref position, long.MaxValue);
        return FileFingerprint.Prefix + Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    // Hashes the file from position up to end (or its end of file, whichever comes first).
    private void AppendFile(ref long position, long end)
    {
        if (position >= end)
        {
            return;
        }

        byte[] chunk = ArrayPool<byte>.Shared.Rent((int)Math.Min(ChunkBytes, end - position));
        try
        {
            while (position < end)
            {
                if (Volatile.Read(ref stopped))
                {
                    throw new OperationCanceledException("the analysis stopped before the input was hashed");
                }

                int read = RandomAccess.Read(file, chunk.AsSpan(0, (int)Math.Min(chunk.Length, end - position)), position);
                if (read == 0)
                {
                    if (end == long.MaxValue)
                    {
                        return;
                    }

                    throw new InvalidDataException($"the file ended at byte {position} while it was hashed");
                }

                hash.Append(chunk.AsSpan(0, read));
                position += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
