using System.Buffers.Binary;
using LibObjectFile.Elf;

namespace Monotone.Build.LibTorchSharp;

/// <summary>
/// Rewrites the one version requirement that keeps TorchSharp's libLibTorchSharp.so off GCC 12
/// C++ runtimes. GCC 13's &lt;iostream&gt; makes every library that includes it reference
/// <c>std::ios_base_library_init()</c>, versioned GLIBCXX_3.4.32, as a link-time marker: no
/// code calls it and no relocation refers to it, yet the dynamic linker refuses the library
/// wherever libstdc++ lacks that version. When the checks in <see cref="Inspect"/> show the
/// requirement is the marker's alone, pointing it at GLIBCXX_3.4.30 (name and hash) changes
/// nothing the library does and lets it load.
/// </summary>
internal static class GlibcxxMarkerPatch
{
    /// <summary><c>std::ios_base_library_init()</c>, mangled.</summary>
    public const string Marker = "_ZSt21ios_base_library_initv";

    public const string Required = "GLIBCXX_3.4.32";

    /// <summary>GCC 12's newest version, which the library already needs for real symbols.</summary>
    public const string Replacement = "GLIBCXX_3.4.30";

    private const string CxxRuntime = "libstdc++.so.6";

    /// <summary>Decides whether the library needs the patch and whether it is safe.</summary>
    public static PatchDecision Inspect(byte[] library)
    {
        ElfImage image;
        try
        {
            image = ElfImage.Read(library);
            return Inspect(image);
        }
        catch (InvalidDataException e)
        {
            return PatchDecision.Refuse(e.Message);
        }
    }

    /// <summary>The patched copy: the same bytes but for the entry's hash and name offset.</summary>
    /// <exception cref="InvalidOperationException">The decision is not to patch.</exception>
    public static byte[] Apply(byte[] library, PatchDecision decision)
    {
        if (decision.Kind != PatchKind.Patch)
        {
            throw new InvalidOperationException($"nothing to apply: {decision.Reason}");
        }

        byte[] patched = [.. library];
        var entry = patched.AsSpan((int)decision.EntryOffset, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(entry, ElfHash.Of(Replacement));
        BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], decision.ReplacementNameOffset);

        // Read back what was written: the requirement must be gone and the file still whole.
        var check = Inspect(patched);
        return check.Kind == PatchKind.NotNeeded
            ? patched
            : throw new InvalidOperationException($"the patched library does not read back as patched: {check.Reason}");
    }

    private static PatchDecision Inspect(ElfImage image)
    {
        var needs = image.VersionNeeds();
        var required = needs.Where(n => n.Name == Required).ToList();
        if (required.Count == 0)
        {
            return PatchDecision.NotNeeded($"it does not require {Required}");
        }

        if (required.Count > 1 || required[0].File != CxxRuntime)
        {
            return PatchDecision.Refuse($"{Required} is required {required.Count} times or not from {CxxRuntime}");
        }

        var need = required[0];
        var symbols = image.DynamicSymbols ?? throw new InvalidDataException("no dynamic symbol table");
        var versions = image.SymbolVersionIndices();
        if (versions.Length != symbols.Entries.Count)
        {
            return PatchDecision.Refuse($".gnu.version has {versions.Length} entries for {symbols.Entries.Count} dynamic symbols");
        }

        // 1. The version must be the marker's alone: any other symbol bound to it would really need GCC 13.
        var bound = Enumerable.Range(0, versions.Length).Where(i => versions[i] == need.Index).ToList();
        var others = bound.Where(i => symbols.Entries[i].Name.Value != Marker).Select(i => symbols.Entries[i].Name.Value).ToList();
        if (others.Count > 0)
        {
            return PatchDecision.Refuse($"{Required} is needed by {string.Join(", ", others.Take(3))}, not only by the marker {Marker}");
        }

        // 2. No relocation may refer to the marker: then nothing ever looks it up, so its version is never checked against a definition.
        foreach (int marker in bound)
        {
            if (!symbols.Entries[marker].SectionLink.IsEmpty && symbols.Entries[marker].SectionLink.GetIndex() != 0)
            {
                return PatchDecision.Refuse($"the marker {Marker} is defined in the library, not imported");
            }

            var relocations = RelocationsOf(image, symbols)
                .Select(t => (t.Name.Value, Count: t.Entries.Count(r => r.SymbolIndex == (uint)marker)))
                .Where(t => t.Count > 0)
                .ToList();
            if (relocations.Count > 0)
            {
                return PatchDecision.Refuse(
                    $"the marker {Marker} has relocations ({string.Join(", ", relocations.Select(r => $"{r.Count} in {r.Value}"))}), so the library really uses it");
            }
        }

        // 3. The replacement name must already be a string the entry can point at; .dynstr cannot grow in place.
        var strings = ElfImage.LinkedStrings(image.Section(ElfSectionType.GnuVersionNeedsSection)!);
        uint nameOffset = needs.FirstOrDefault(n => n.Name == Replacement && n.File == CxxRuntime)?.NameOffset
            ?? (image.TryFindString(strings, Replacement, out uint found) ? found : uint.MaxValue);
        if (nameOffset == uint.MaxValue)
        {
            return PatchDecision.Refuse($"the string {Replacement} is not in {strings.Name.Value}");
        }

        return PatchDecision.Patch(need.EntryOffset, nameOffset, bound.Count);
    }

    /// <summary>
    /// The relocation tables that refer to the dynamic symbols. Those the dynamic table names
    /// (DT_RELA, DT_REL, DT_JMPREL) are what the loader applies; each must be one of them, so
    /// that no relocation escapes the check.
    /// </summary>
    private static List<ElfRelocationTable> RelocationsOf(ElfImage image, ElfSymbolTable symbols)
    {
        var tables = image.File.Sections.OfType<ElfRelocationTable>().Where(t => t.Link.Section == symbols).ToList();
        var dynamic = image.File.Sections.OfType<ElfDynamicLinkingTable>().SingleOrDefault();
        foreach (var entry in dynamic?.Entries ?? [])
        {
            bool isTable = entry.Tag is ElfNative.DT_RELA or ElfNative.DT_REL or ElfNative.DT_JMPREL;
            if (isTable && !tables.Any(t => t.VirtualAddress == entry.Pointer))
            {
                throw new InvalidDataException($"the dynamic table names relocations at 0x{entry.Pointer:x} that no section header describes");
            }
        }

        return tables;
    }
}

internal enum PatchKind
{
    /// <summary>The library does not need GLIBCXX_3.4.32; use it as it is.</summary>
    NotNeeded,

    /// <summary>The requirement is the marker's alone; rewrite the entry.</summary>
    Patch,

    /// <summary>The checks failed; the library must not be changed.</summary>
    Refused,
}

/// <param name="EntryOffset">The file offset of the GLIBCXX_3.4.32 Elf_Vernaux entry.</param>
/// <param name="ReplacementNameOffset">Where GLIBCXX_3.4.30 starts in the linked string table.</param>
/// <param name="MarkerSymbols">How many dynamic symbols carried the version: 1 for the marker, or 0.</param>
internal sealed record PatchDecision(PatchKind Kind, string Reason, long EntryOffset = 0, uint ReplacementNameOffset = 0, int MarkerSymbols = 0)
{
    public static PatchDecision NotNeeded(string reason) => new(PatchKind.NotNeeded, reason);

    public static PatchDecision Refuse(string reason) => new(PatchKind.Refused, reason);

    public static PatchDecision Patch(long entryOffset, uint nameOffset, int markerSymbols) => new(
        PatchKind.Patch,
        $"{GlibcxxMarkerPatch.Required} is needed only by the marker {GlibcxxMarkerPatch.Marker}, which no relocation refers to",
        entryOffset,
        nameOffset,
        markerSymbols);
}
