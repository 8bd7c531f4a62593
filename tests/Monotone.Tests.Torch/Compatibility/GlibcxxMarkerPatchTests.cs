using Monotone.Build.LibTorchSharp;

namespace Monotone.Tests.Torch.Compatibility;

/// <summary>The build step that lets libLibTorchSharp.so load on GCC 12 C++ runtimes checks before it changes anything.</summary>
public class GlibcxxMarkerPatchTests
{
    [Fact]
    public void The_shipped_library_needs_GLIBCXX_3_4_32_for_the_marker_alone()
    {
        var decision = GlibcxxMarkerPatch.Inspect(ShippedLibrary.Bytes());

        Assert.Equal(PatchKind.Patch, decision.Kind);
        Assert.Equal(1, decision.MarkerSymbols);
    }

    [Fact]
    public void The_patch_rewrites_one_version_entry_and_nothing_else()
    {
        byte[] original = ShippedLibrary.Bytes();
        var decision = GlibcxxMarkerPatch.Inspect(original);

        byte[] patched = GlibcxxMarkerPatch.Apply(original, decision);

        Assert.Equal(original.Length, patched.Length);
        var changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, i => Assert.True(
            i - decision.EntryOffset is >= 0 and < 4 or >= 8 and < 12,
            $"byte {i} changed outside vna_hash and vna_name of the entry at {decision.EntryOffset}"));

        var before = ElfImage.Read(original).VersionNeeds();
        var after = ElfImage.Read(patched).VersionNeeds();
        var entry = after.Single(n => n.EntryOffset == decision.EntryOffset);
        Assert.Equal((GlibcxxMarkerPatch.Replacement, ElfHash.Of(GlibcxxMarkerPatch.Replacement)), (entry.Name, entry.Hash));
        Assert.Equal(before.Single(n => n.Name == GlibcxxMarkerPatch.Required).Index, entry.Index);
        Assert.Equal(before.Where(n => n.EntryOffset != entry.EntryOffset), after.Where(n => n.EntryOffset != entry.EntryOffset));
        Assert.Equal(PatchKind.NotNeeded, GlibcxxMarkerPatch.Inspect(patched).Kind);
    }

    [Fact]
    public void A_marker_that_a_relocation_refers_to_is_refused()
    {
        var decision = GlibcxxMarkerPatch.Inspect(ShippedLibrary.WithMarkerRelocation());

        Assert.Equal(PatchKind.Refused, decision.Kind);
        Assert.Contains("1 in .rela.plt", decision.Reason, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => GlibcxxMarkerPatch.Apply(ShippedLibrary.Bytes(), decision));
    }

    [Fact]
    public void A_version_that_another_symbol_needs_is_refused()
    {
        var decision = GlibcxxMarkerPatch.Inspect(ShippedLibrary.WithSecondSymbolOnTheVersion(out string symbol));

        Assert.Equal(PatchKind.Refused, decision.Kind);
        Assert.Contains(symbol, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Relocations_the_section_headers_do_not_describe_are_refused()
    {
        var decision = GlibcxxMarkerPatch.Inspect(ShippedLibrary.WithUndescribedRelocations());

        Assert.Equal(PatchKind.Refused, decision.Kind);
        Assert.Contains("no section header describes", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_that_are_not_ELF_libraries_are_refused()
    {
        Assert.Equal(PatchKind.Refused, GlibcxxMarkerPatch.Inspect([.. "not an ELF file"u8]).Kind);
        Assert.Equal(PatchKind.Refused, GlibcxxMarkerPatch.Inspect(ShippedLibrary.Bytes()[..4096]).Kind);
    }

    [Fact]
    public void A_library_that_does_not_need_the_version_is_left_alone()
    {
        string runtime = CxxRuntime.LoadedPath()!;

        Assert.Equal(PatchKind.NotNeeded, GlibcxxMarkerPatch.Inspect(File.ReadAllBytes(runtime)).Kind);
    }

    [Theory]
    [InlineData("GLIBCXX_3.4.30", 0x0297f840u)]
    [InlineData("GLIBCXX_3.4.32", 0x0297f842u)]
    [InlineData("GLIBC_2.2.5", 0x09691a75u)]
    public void Version_hashes_are_the_System_V_ELF_hash(string name, uint hash) =>
        Assert.Equal(hash, ElfHash.Of(name));

    [Fact]
    public void The_C_plus_plus_runtime_of_this_process_is_found_and_read()
    {
        string? runtime = CxxRuntime.LoadedPath();

        Assert.NotNull(runtime);
        Assert.True(CxxRuntime.Defines(runtime, GlibcxxMarkerPatch.Replacement), $"{runtime} defines no {GlibcxxMarkerPatch.Replacement}");
    }
}
