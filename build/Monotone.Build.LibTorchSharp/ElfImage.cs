using System.Buffers.Binary;
using LibObjectFile.Elf;

namespace Monotone.Build.LibTorchSharp;

/// <summary>
/// A shared library read whole: LibObjectFile's model for sections, symbols, relocations
/// and the dynamic table, plus the GNU symbol-versioning sections, which it leaves as raw
/// bytes and this class decodes (<c>.gnu.version</c>, <c>.gnu.version_r</c>, <c>.gnu.version_d</c>).
/// </summary>
internal sealed class ElfImage
{
    private ElfImage(byte[] bytes, ElfFile file)
    {
        Bytes = bytes;
        File = file;
    }

    public byte[] Bytes { get; }

    public ElfFile File { get; }

    /// <exception cref="InvalidDataException">Not a little-endian ELF file that LibObjectFile can read.</exception>
    public static ElfImage Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        ElfFile? file;
        LibObjectFile.Diagnostics.DiagnosticBag? diagnostics;
        try
        {
            ElfFile.TryRead(stream, out file, out diagnostics);
        }
        catch (Exception e) when (e is EndOfStreamException or LibObjectFile.ObjectFileException or ArgumentException or InvalidOperationException or IndexOutOfRangeException)
        {
            // LibObjectFile throws, rather than reports, on some damage, such as a truncated file.
            throw new InvalidDataException($"not an ELF file that can be read ({e.Message})", e);
        }

        if (file is null || diagnostics is null || diagnostics.HasErrors)
        {
            string first = diagnostics?.Messages.Where(m => m.Kind == LibObjectFile.Diagnostics.DiagnosticKind.Error).Select(m => m.ToString()).FirstOrDefault() ?? "unreadable";
            throw new InvalidDataException($"not an ELF file that can be read ({first})");
        }

        // The version sections are decoded by hand below, in the byte order of x86-64 and arm64.
        return file.Encoding == ElfEncoding.Lsb ? new ElfImage(bytes, file) : throw new InvalidDataException("not a little-endian ELF file");
    }

    public ElfSymbolTable? DynamicSymbols =>
        File.Sections.OfType<ElfSymbolTable>().SingleOrDefault(s => s.Type == ElfSectionType.DynamicLinkerSymbolTable);

    public ElfSection? Section(ElfSectionType type) => File.Sections.SingleOrDefault(s => s.Type == type);

    /// <summary>The version index of each dynamic symbol (<c>.gnu.version</c>), hidden bit cleared.</summary>
    public ushort[] SymbolVersionIndices()
    {
        var section = Section(ElfSectionType.GnuVersionSymbolTable);
        if (section is null)
        {
            return [];
        }

        var raw = Content(section);
        var indices = new ushort[raw.Length / 2];
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = (ushort)(BinaryPrimitives.ReadUInt16LittleEndian(raw.Slice(2 * i)) & 0x7fff);
        }

        return indices;
    }

    /// <summary>Every version this library needs from others (<c>.gnu.version_r</c>).</summary>
    public IReadOnlyList<VersionNeed> VersionNeeds()
    {
        var section = Section(ElfSectionType.GnuVersionNeedsSection);
        var needs = new List<VersionNeed>();

        // Elf_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
        foreach (int need in Chain(section, nextField: 12))
        {
            var raw = Content(section!);
            var strings = LinkedStrings(section!);
            int count = Read16(raw, need + 2);
            string file = StringAt(strings, Read32(raw, need + 4));
            int aux = need + (int)Read32(raw, need + 8);
            for (int k = 0; k < count; k++)
            {
                // Elf_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
                uint nameOffset = Read32(raw, aux + 8);
                needs.Add(new VersionNeed(
                    file,
                    StringAt(strings, nameOffset),
                    nameOffset,
                    Read32(raw, aux),
                    Read16(raw, aux + 6),
                    (long)section!.Position + aux));
                aux += (int)Read32(raw, aux + 12);
            }
        }

        return needs;
    }

    /// <summary>The names of the versions this library defines (<c>.gnu.version_d</c>), e.g. GLIBCXX_3.4.30.</summary>
    public IReadOnlyList<string> VersionDefinitions()
    {
        var section = Section(ElfSectionType.GnuVersionDefinition);

        // Elf_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32;
        // its first Elf_Verdaux (vda_name u32, vda_next u32) names the version.
        return [.. Chain(section, nextField: 16).Select(definition =>
        {
            var raw = Content(section!);
            return StringAt(LinkedStrings(section!), Read32(raw, definition + (int)Read32(raw, definition + 12)));
        })];
    }

    /// <summary>
    /// The offsets of the entries of a version section, a list linked by relative "next"
    /// fields; a loop or a chain longer than the section could hold is refused.
    /// </summary>
    private List<int> Chain(ElfSection? section, int nextField)
    {
        var offsets = new List<int>();
        if (section is null)
        {
            return offsets;
        }

        var raw = Content(section);
        for (int at = 0; ; at += (int)Read32(raw, at + nextField))
        {
            offsets.Add(at);
            if (Read32(raw, at + nextField) == 0)
            {
                return offsets;
            }

            if (offsets.Count > raw.Length / 16)
            {
                throw new InvalidDataException($"the entries of {section.Name.Value} do not end");
            }
        }
    }

    /// <summary>Whether <paramref name="text"/> is a NUL-terminated string somewhere in the section.</summary>
    public bool TryFindString(ElfSection strings, string text, out uint offset)
    {
        var raw = Content(strings);
        byte[] wanted = [.. System.Text.Encoding.ASCII.GetBytes(text), 0];
        // Any match will do: a string is read from its offset to the next NUL, so the tail
        // of a longer string serves as well (linkers share tails this way).
        int at = raw.IndexOf(wanted);
        offset = (uint)Math.Max(at, 0);
        return at >= 0;
    }

    public ReadOnlySpan<byte> Content(ElfSection section) =>
        section.Position + section.Size <= (ulong)Bytes.Length
            ? Bytes.AsSpan((int)section.Position, (int)section.Size)
            : throw new InvalidDataException($"section {section.Name.Value} lies beyond the end of the file");

    public static ElfSection LinkedStrings(ElfSection section) =>
        section.Link.Section as ElfStringTable ?? throw new InvalidDataException($"section {section.Name.Value} links to no string table");

    private string StringAt(ElfSection strings, uint offset)
    {
        var raw = Content(strings);
        if (offset >= raw.Length)
        {
            throw new InvalidDataException($"string offset {offset} lies outside {strings.Name.Value}");
        }

        var tail = raw[(int)offset..];
        int end = tail.IndexOf((byte)0);
        return System.Text.Encoding.ASCII.GetString(end < 0 ? tail : tail[..end]);
    }

    private static ushort Read16(ReadOnlySpan<byte> raw, int at) => Checked(raw, at, 2, BinaryPrimitives.ReadUInt16LittleEndian);

    private static uint Read32(ReadOnlySpan<byte> raw, int at) => Checked(raw, at, 4, BinaryPrimitives.ReadUInt32LittleEndian);

    private static T Checked<T>(ReadOnlySpan<byte> raw, int at, int size, ReadSpan<T> read) =>
        at >= 0 && at + size <= raw.Length ? read(raw.Slice(at, size)) : throw new InvalidDataException("a version entry points outside its section");

    private delegate T ReadSpan<T>(ReadOnlySpan<byte> span);
}

/// <summary>One version a library needs (an <c>Elf_Vernaux</c> entry) and where it sits in the file.</summary>
/// <param name="File">The library that must define it, e.g. libstdc++.so.6.</param>
/// <param name="Index">The version index that <c>.gnu.version</c> gives the symbols bound to it.</param>
/// <param name="EntryOffset">The file offset of the entry: vna_hash at +0, vna_name at +8.</param>
internal sealed record VersionNeed(string File, string Name, uint NameOffset, uint Hash, ushort Index, long EntryOffset);
