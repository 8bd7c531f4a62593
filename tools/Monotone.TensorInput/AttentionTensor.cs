using System.Buffers;
using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;
using Monotone.Core;
using Monotone.TensorInput.Formats;

namespace Monotone.TensorInput;

/// <summary>
/// An open <c>[layers, heads, n, n]</c> attention tensor. Heads are read one at a
/// time, a compactly stored head with one read into a pooled buffer and any other
/// layout through a memory map of just that head's bytes, so memory stays O(n²)
/// whatever the file's size, and the view (strides, storage offset) is honoured
/// exactly as PyTorch honours it.
/// </summary>
public sealed class AttentionTensor : IAttentionSource, IDisposable
{
    private readonly MemoryMappedFile map;
    private readonly SafeFileHandle file;
    private readonly TensorLayout layout;
    private readonly object negativeLock = new();
    private NegativeElement? firstNegative;
    private ReadAlongFingerprint? readAlong;
    private Task<string>? fingerprint;

    private AttentionTensor(string path, InputFormat format, TensorLayout layout, MemoryMappedFile map, SafeFileHandle file)
    {
        Path = path;
        Format = format;
        this.layout = layout;
        this.map = map;
        this.file = file;
    }

    public string Path { get; }

    public InputFormat Format { get; }

    public TensorDtype Dtype => layout.Dtype;

    public int Layers => (int)layout.Shape[0];

    public int Heads => (int)layout.Shape[1];

    public int SequenceLength => (int)layout.Shape[2];

    public IReadOnlyList<long> Shape => layout.Shape;

    /// <summary>
    /// The first negative value at a used position (key ≤ query) among the heads read so far, or
    /// null: after an analysis, which reads every head, the tensor's first. Negative values are
    /// not refused (the notebook accepts them); callers warn with <see cref="NegativeElement.Warning"/>.
    /// </summary>
    public NegativeElement? FirstNegative
    {
        get
        {
            lock (negativeLock)
            {
                return firstNegative;
            }
        }
    }

    /// <summary>Opens a tensor file; any problem with it throws <see cref="BadInputException"/>.</summary>
    /// <param name="tensorName">Which tensor, for files that hold several (a dict, a safetensors file).</param>
    public static AttentionTensor Open(string path, string? tensorName = null)
    {
        InputFileType.CheckRegular(path);
        SafeFileHandle file;
        try
        {
            file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new BadInputException(DiagnosticCodes.Input.NotFound, path, "file not found");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(DiagnosticCodes.Input.CannotOpen, path, $"cannot open: {e.Message}");
        }

        try
        {
            var (format, layout) = ReadLayout(path, file, tensorName);
            Validate(path, layout, RandomAccess.GetLength(file));

            // The handle stays open for reads; views are mapped from it on demand.
            var map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            return new AttentionTensor(path, format, layout, map, file);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static (InputFormat Format, TensorLayout Layout) ReadLayout(string path, SafeFileHandle file, string? tensorName)
    {
        long length = RandomAccess.GetLength(file);
        byte[] head = new byte[(int)Math.Min(length, 16)];
        RandomAccess.Read(file, head, 0);
        try
        {
            if (head.AsSpan().StartsWith("PK"u8))
            {
                return (InputFormat.Torch, TorchZipFormat.Read(path, file, tensorName));
            }

            if (NpyFormat.Matches(head))
            {
                return (InputFormat.Npy, tensorName is null ? NpyFormat.Read(path, file) : throw PickledTensors.BareTensor(path, tensorName));
            }

            if (SafetensorsFormat.Matches(head, length))
            {
                return (InputFormat.Safetensors, SafetensorsFormat.Read(path, file, tensorName));
            }
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException(DiagnosticCodes.Input.Truncated, path, $"truncated or damaged file ({e.Message})");
        }

        // Pickle protocol 2 opens with 0x80 0x02; the legacy torch.save format is a bare pickle stream.
        if (head is [0x80, _, ..])
        {
            throw new BadInputException(DiagnosticCodes.Input.UnknownFormat, path, "legacy PyTorch format (saved by PyTorch < 1.6 or with _use_new_zipfile_serialization=False); load and re-save it with a current torch.save");
        }

        if (length == 0)
        {
            // procfs and sysfs files report size 0 and still have content.
            throw RandomAccess.Read(file, new byte[1], 0) > 0
                ? new BadInputException(DiagnosticCodes.Input.NotRegularFile, path, "reports a size of 0 but has content: a virtual file (procfs, sysfs), not a tensor file")
                : new BadInputException(DiagnosticCodes.Input.UnknownFormat, path, "empty file");
        }

        throw new BadInputException(DiagnosticCodes.Input.UnknownFormat, path, "not a PyTorch (torch.save zip), safetensors or .npy file");
    }

    /// <summary>
    /// Checks what <see cref="ReadHead"/> relies on: a square rank-4 view whose head fits one
    /// array of doubles, with non-negative strides, lying wholly inside the file.
    /// </summary>
    private static void Validate(string path, TensorLayout layout, long fileLength)
    {
        var shape = layout.Shape;
        string shown = $"[{string.Join(", ", shape)}]";
        if (shape.Length != 4)
        {
            throw new BadInputException(DiagnosticCodes.Input.Shape, path, $"tensor has rank {shape.Length} {shown}; expected rank 4 [layers, heads, n, n]");
        }

        if (shape[2] != shape[3])
        {
            throw new BadInputException(DiagnosticCodes.Input.Shape, path, $"tensor of shape {shown} is not square in its last two dimensions (query, key)");
        }

        if (shape.Any(s => s <= 0 || s > int.MaxValue) || (long)shape[2] * shape[2] > Array.MaxLength)
        {
            throw new BadInputException(DiagnosticCodes.Input.Shape, path, $"tensor of shape {shown} is empty or too large");
        }

        if (layout.Strides.Length != 4 || layout.Strides.Any(s => s < 0) || layout.StorageOffset < 0)
        {
            throw new BadInputException(DiagnosticCodes.Input.Layout, path, "tensor has a negative stride or storage offset");
        }

        long lastIndex;
        long lastByte;
        try
        {
            lastIndex = layout.LastIndex();
            lastByte = checked(layout.StorageFilePosition + ((lastIndex + 1) * layout.Dtype.ElementSize()));
        }
        catch (OverflowException)
        {
            throw new BadInputException(DiagnosticCodes.Input.Layout, path, $"tensor of shape {shown} has strides or an offset past any file");
        }

        if (lastIndex >= layout.StorageElements)
        {
            throw new BadInputException(DiagnosticCodes.Input.Truncated, path, $"truncated: the tensor's view reaches element {lastIndex} of a storage of {layout.StorageElements}");
        }

        // Each format bounds its storage by the file already; this holds whatever a damaged header said.
        if (layout.StorageFilePosition < 0 || lastByte > fileLength)
        {
            throw new BadInputException(DiagnosticCodes.Input.Truncated, path, $"truncated: the tensor's view ends at byte {lastByte} of a file of {fileLength}");
        }
    }

    /// <summary>
    /// Starts the file's fingerprint (<see cref="FileFingerprint.Compute(string)"/>: XxHash128 of
    /// the whole file) beside the analysis that follows; <see cref="EndFingerprint"/> returns it.
    /// A tensor whose heads lie back to back in (layer, head) order is hashed from the buffers
    /// <see cref="ReadHead"/> reads, so the file is read once, not twice (<see cref="ReadAlongFingerprint"/>);
    /// any other layout is hashed by a second read of the file on another thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">A fingerprint was started already.</exception>
    public void BeginFingerprint()
    {
        if (fingerprint is not null)
        {
            throw new InvalidOperationException("the fingerprint was started already");
        }

        int n = SequenceLength;
        int size = layout.Dtype.ElementSize();
        long headBytes = (long)n * n * size;
        if (layout.Strides.AsSpan().SequenceEqual(TensorLayout.RowMajorStrides(layout.Shape)) && headBytes <= Array.MaxLength)
        {
            readAlong = new ReadAlongFingerprint(
                file, layout.StorageFilePosition + (layout.StorageOffset * size), (int)headBytes, Layers * Heads, ReadAlongFingerprint.DefaultBudget);
            fingerprint = readAlong.Start();
        }
        else
        {
            fingerprint = Task.Run(() => FileFingerprint.Compute(Path));
        }
    }

    /// <summary>
    /// The fingerprint <see cref="BeginFingerprint"/> started, once the analysis has read what it
    /// reads: heads it did not read are hashed now. The bytes hashed from the analysis's buffers
    /// are the bytes it analysed, even if the file changed meanwhile.
    /// </summary>
    /// <exception cref="BadInputException">The file got shorter while it was read.</exception>
    public string EndFingerprint()
    {
        var started = fingerprint ?? throw new InvalidOperationException("no fingerprint was started");
        try
        {
            return readAlong is null ? started.GetAwaiter().GetResult() : readAlong.Complete();
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException(DiagnosticCodes.Input.Truncated, Path, $"truncated while it was read ({e.Message})");
        }
    }

    /// <summary>Whether <see cref="BeginFingerprint"/> hashes from the analysis's buffers (the file read once).</summary>
    internal bool FingerprintReadsAlong => readAlong is not null;

    public void ReadHead(int layer, int head, Span<double> destination)
    {
        ReadValues(layer, head, destination);
        NoteNegatives(layer, head, destination);
    }

    // Rows are scanned with a vectorised minimum over their used part (keys 0..query), which
    // costs little beside the softmax; once a negative is known, later heads are not scanned.
    private void NoteNegatives(int layer, int head, ReadOnlySpan<double> values)
    {
        var known = FirstNegative;
        if (known is { } k && (k.Layer, k.Head).CompareTo((layer, head)) < 0)
        {
            return;
        }

        int n = SequenceLength;
        for (int i = 0; i < n; i++)
        {
            var used = values.Slice(i * n, i + 1);
            if (System.Numerics.Tensors.TensorPrimitives.Min(used) < 0)
            {
                int j = used.IndexOfAnyInRange(double.NegativeInfinity, -double.Epsilon);
                var found = new NegativeElement(layer, head, i, j, used[j]);
                lock (negativeLock)
                {
                    if (firstNegative is not { } current || found.Precedes(current))
                    {
                        firstNegative = found;
                    }
                }

                return;
            }
        }
    }

    private unsafe void ReadValues(int layer, int head, Span<double> destination)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)layer, (uint)Layers, nameof(layer));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)head, (uint)Heads, nameof(head));
        int n = SequenceLength;
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, n * n, nameof(destination));

        var strides = layout.Strides;
        int size = layout.Dtype.ElementSize();
        long first = layout.StorageOffset + layer * strides[0] + head * strides[1];
        long last = first + (n - 1) * (strides[2] + strides[3]);
        long byteStart = layout.StorageFilePosition + first * size;
        long byteLength = (last - first + 1) * size;

        if (byteLength <= 2L * n * n * size && byteLength <= Array.MaxLength)
        {
            // A head stored compactly (contiguous, transposed, a slice of one): one read into a
            // pooled buffer costs half what mapping, faulting in and unmapping its pages does
            // (mpt-7b at n = 256: 0.19 s instead of 0.21 s for the whole analysis). A head
            // spread across the file (Fortran order) is mapped, so only its own pages are read,
            // and so is one too large for an array (float64 past n = 16383).
            byte[]? buffer = ArrayPool<byte>.Shared.Rent((int)byteLength);
            try
            {
                var bytes = buffer.AsSpan(0, (int)byteLength);
                for (int done = 0, read; done < bytes.Length; done += read)
                {
                    read = RandomAccess.Read(file, bytes[done..], byteStart + done);
                    if (read == 0)
                    {
                        throw new BadInputException(Path, $"truncated: layer {layer}, head {head} ends past the end of the file");
                    }
                }

                fixed (byte* origin = buffer)
                {
                    ConvertRows(origin, n, strides, size, destination);
                }

                // Handed to the fingerprint, the buffer is its to return to the pool.
                if (readAlong?.Offer((layer * Heads) + head, buffer) == true)
                {
                    buffer = null;
                }
            }
            finally
            {
                if (buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }

            return;
        }

        readAlong?.Skip((layer * Heads) + head);
        using var view = map.CreateViewAccessor(byteStart, byteLength, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        try
        {
            ConvertRows(pointer + view.PointerOffset, n, strides, size, destination);
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    private unsafe void ConvertRows(byte* origin, int n, long[] strides, int size, Span<double> destination)
    {
        for (int i = 0; i < n; i++)
        {
            ElementConverter.ToDouble(
                layout.Dtype,
                origin + i * strides[2] * size,
                strides[3],
                destination.Slice(i * n, n),
                layout.Swapped);
        }
    }

    public void Dispose()
    {
        // First: the hashing thread reads from the file.
        readAlong?.Dispose();
        map.Dispose();
        file.Dispose();
    }
}
