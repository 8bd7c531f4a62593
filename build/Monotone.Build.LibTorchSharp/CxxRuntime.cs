using System.Runtime.InteropServices;

namespace Monotone.Build.LibTorchSharp;

/// <summary>
/// The C++ runtime (libstdc++.so.6) of this machine, found as the dynamic linker found it
/// for this very process: .NET's runtime links libstdc++, so it is the one that TorchSharp,
/// loaded into a .NET process here, would be checked against.
/// </summary>
internal static class CxxRuntime
{
    private const string Library = "libstdc++.so.6";

    /// <summary>The path of the libstdc++ loaded in this process; null where there is none (not Linux, or linked statically).</summary>
    public static string? LoadedPath()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        string? path = FromMaps();
        if (path is null && NativeLibrary.TryLoad(Library, out _))
        {
            path = FromMaps();
        }

        return path;
    }

    /// <summary>Whether the library at <paramref name="path"/> defines <paramref name="version"/> (e.g. GLIBCXX_3.4.32).</summary>
    public static bool Defines(string path, string version) =>
        ElfImage.Read(File.ReadAllBytes(path)).VersionDefinitions().Contains(version);

    // Each line of /proc/self/maps ends with the mapped file's path.
    private static string? FromMaps() => File.ReadLines("/proc/self/maps")
        .Select(line => line[(line.IndexOf('/') is int slash and >= 0 ? slash : line.Length)..])
        .FirstOrDefault(p => Path.GetFileName(p).StartsWith("libstdc++.so", StringComparison.Ordinal));
}
