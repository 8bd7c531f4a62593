using System.Collections;
using Microsoft.Win32.SafeHandles;
using Monotone.Core;

namespace Monotone.TensorInput.Formats;

/// <summary>
/// torch.save's zip format (PyTorch 1.6 and later): <c>{folder}/data.pkl</c> says
/// which storage <c>{folder}/data/{key}</c> holds the tensor. The folder is named
/// after the saved file, so it is found, not assumed to be "archive".
/// </summary>
internal static class TorchZipFormat
{
    public static TensorLayout Read(string path, SafeFileHandle file, string? tensorName)
    {
        ZipDirectory zip;
        try
        {
            zip = ZipDirectory.Read(file);
        }
        catch (InvalidDataException e)
        {
            throw new BadInputException(DiagnosticCodes.Input.Truncated, path, $"truncated or damaged zip archive ({e.Message})");
        }

        var pickleEntry = zip.Entries
            .Where(e => e.Name.EndsWith("/data.pkl", StringComparison.Ordinal) && e.Name.Count(c => c == '/') == 1)
            .OrderBy(e => e.Name, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new BadInputException(DiagnosticCodes.Input.UnknownFormat, path, "zip archive without data.pkl: not a file written by torch.save");
        string folder = pickleEntry.Name[..^"data.pkl".Length];

        if (zip.Find(folder + "byteorder") is { } byteOrder && ReadSmallEntry(path, file, byteOrder) is var order
            && System.Text.Encoding.ASCII.GetString(order).Trim() != "little")
        {
            throw new BadInputException(DiagnosticCodes.Input.BigEndianTorch, path, "tensor saved on a big-endian machine; re-save it on a little-endian one");
        }

        object root;
        try
        {
            root = TorchPickle.Load(path, ReadSmallEntry(path, file, pickleEntry));
        }
        catch (Exception e) when (e is not (BadInputException or OutOfMemoryException))
        {
            // Razorvine reports a damaged pickle with whatever its reading code hits first
            // (PickleException, ArgumentOutOfRangeException, InvalidCastException, FormatException, ...).
            throw new BadInputException(DiagnosticCodes.Input.PickleContent, path, $"cannot read data.pkl: {e.Message}", e);
        }

        TensorRef tensor = PickledTensors.Select(path, root, tensorName);
        TensorDtype dtype;
        try
        {
            dtype = tensor.Storage.Dtype;
        }
        catch (NotSupportedException)
        {
            throw new BadInputException(DiagnosticCodes.Input.Dtype, path, UnsupportedDtype.Message(tensor.Storage.TorchDtypeName));
        }

        var storage = zip.Find($"{folder}data/{tensor.Storage.Key}")
            ?? throw new BadInputException(DiagnosticCodes.Input.Truncated, path, $"storage record data/{tensor.Storage.Key} is missing from the archive");
        if (!storage.IsStored)
        {
            throw new BadInputException(DiagnosticCodes.Input.Damaged, path, $"storage record data/{tensor.Storage.Key} is compressed; torch.save never does that");
        }

        // A stored record's two sizes are equal; only the compressed one was checked against the file's length.
        if (storage.Size != storage.CompressedSize)
        {
            throw new BadInputException(DiagnosticCodes.Input.Truncated, path, $"truncated or damaged zip archive (storage record data/{tensor.Storage.Key} has two different sizes)");
        }

        return new TensorLayout(
            dtype,
            tensor.Shape,
            tensor.Strides,
            tensor.StorageOffset,
            storage.DataPosition,
            storage.Size / dtype.ElementSize());
    }

    private static byte[] ReadSmallEntry(string path, SafeFileHandle file, ZipEntry entry)
    {
        if (!entry.IsStored || entry.Size > 64 << 20)
        {
            throw new BadInputException(DiagnosticCodes.Input.Damaged, path, $"unexpected archive record {entry.Name}");
        }

        byte[] bytes = new byte[entry.Size];
        try
        {
            ZipDirectory.ReadExactly(file, bytes, entry.DataPosition);
        }
        catch (InvalidDataException)
        {
            throw new BadInputException(DiagnosticCodes.Input.Truncated, path, $"truncated archive record {entry.Name}");
        }

        return bytes;
    }
}
