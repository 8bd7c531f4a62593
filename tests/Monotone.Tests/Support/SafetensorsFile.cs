using System.Buffers.Binary;
using System.Text;

namespace Monotone.Tests.Support;

/// <summary>Writes a safetensors file by hand, so that a test can give it any header, valid or not.</summary>
internal static class SafetensorsFile
{
    /// <summary>
    /// Writes <paramref name="path"/> in the safetensors framing: the header's UTF-8 byte length as an unsigned
    /// 64-bit little-endian integer, the JSON <paramref name="header"/> as given, then <paramref name="data"/>.
    /// </summary>
    /// <returns><paramref name="path"/>.</returns>
    public static string Write(string path, string header, byte[] data)
    {
        byte[] json = Encoding.UTF8.GetBytes(header);
        byte[] length = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)json.Length);
        File.WriteAllBytes(path, [.. length, .. json, .. data]);
        return path;
    }
}
