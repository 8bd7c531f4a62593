using System.Buffers.Binary;
using LibObjectFile.Elf;
using Monotone.Build.LibTorchSharp;

namespace Monotone.Tests.Torch.Compatibility;

/// <summary>
/// TorchSharp's libLibTorchSharp.so as the package ships it (copied to the test's output),
/// and copies of it with one thing changed, to show what the checks refuse.
/// </summary>
internal static class ShippedLibrary
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

    public static byte[] Bytes() => File.ReadAllBytes(Path);

    /// <summary>A copy in which the first PLT relocation refers to the marker symbol, as if the library called it.</summary>
    public static byte[] WithMarkerRelocation()
    {
        byte[] bytes = Bytes();
        var image = ElfImage.Read(bytes);
        var plt = image.File.Sections.OfType<ElfRelocationTable>().Single(t => t.Name.Value == ".rela.plt");

        // Elf64_Rela: r_offset u64, r_info u64 (symbol index in the high 32 bits), r_addend i64.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan((int)plt.Position + 12), (uint)MarkerIndex(image));
        return bytes;
    }

    /// <summary>A copy in which another imported symbol is bound to GLIBCXX_3.4.32 too.</summary>
    public static byte[] WithSecondSymbolOnTheVersion(out string symbol)
    {
        byte[] bytes = Bytes();
        var image = ElfImage.Read(bytes);
        ushort index = image.VersionNeeds().Single(n => n.Name == GlibcxxMarkerPatch.Required).Index;
        var versions = image.SymbolVersionIndices();
        int other = Enumerable.Range(0, versions.Length).First(i => versions[i] > 1 && i != MarkerIndex(image));
        symbol = image.DynamicSymbols!.Entries[other].Name.Value;
        var versym = image.Section(ElfSectionType.GnuVersionSymbolTable)!;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)versym.Position + (2 * other)), index);
        return bytes;
    }

    /// <summary>A copy whose dynamic table points DT_JMPREL where no relocation section is, so relocations could hide from the check.</summary>
    public static byte[] WithUndescribedRelocations()
    {
        byte[] bytes = Bytes();
        var image = ElfImage.Read(bytes);
        var dynamic = image.File.Sections.OfType<ElfDynamicLinkingTable>().Single();
        int entry = dynamic.Entries.FindIndex(e => e.Tag == ElfNative.DT_JMPREL);

        // Elf64_Dyn: d_tag i64, d_val u64.
        var value = bytes.AsSpan((int)dynamic.Position + (16 * entry) + 8, 8);
        BinaryPrimitives.WriteUInt64LittleEndian(value, BinaryPrimitives.ReadUInt64LittleEndian(value) + 24);
        return bytes;
    }

    private static int MarkerIndex(ElfImage image) =>
        image.DynamicSymbols!.Entries.FindIndex(s => s.Name.Value == GlibcxxMarkerPatch.Marker);
}
