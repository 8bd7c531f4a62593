using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace Monotone.Pipeline;

/// <summary>
/// A hash of the source an assembly was compiled from, read from its embedded portable PDB: the
/// checksum the compiler recorded for each source document, with the assembly's name, the
/// assemblies it references (with their versions) and its embedded resources. The same sources
/// give the same hash whatever the configuration (Debug and Release IL differ), the output or
/// artifacts path, or the commit: left out are what the build generates under <c>obj/</c>
/// (Nerdbank.GitVersioning's version attributes, global usings) and what source generators
/// write (the regex generator names its types after a hash of the output path), both derived
/// from the sources and the project.
/// </summary>
internal static class AssemblySources
{
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    /// <returns>SHA-256, 32 bytes; null when the assembly carries no embedded portable PDB.</returns>
    /// <exception cref="BadImageFormatException">Not a .NET assembly.</exception>
    /// <exception cref="InvalidOperationException">Metadata the reader cannot decode.</exception>
    public static byte[]? Hash(byte[] image)
    {
        using var pe = new PEReader(System.Collections.Immutable.ImmutableArray.Create(image));
        var embedded = pe.ReadDebugDirectory().FirstOrDefault(entry => entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        if (embedded.DataSize == 0)
        {
            return null;
        }

        using var provider = pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded);
        var pdb = provider.GetMetadataReader();
        var checksums = new List<string>();
        foreach (var handle in pdb.Documents)
        {
            var document = pdb.GetDocument(handle);
            if (!IsGenerated(pdb, handle, pdb.GetString(document.Name)))
            {
                checksums.Add(Convert.ToHexStringLower(pdb.GetBlobBytes(document.Hash)));
            }
        }

        // By content alone, in a fixed order: a file moved or renamed compiles to the same code.
        checksums.Sort(StringComparer.Ordinal);
        var metadata = pe.GetMetadataReader();
        var text = new StringBuilder().Append(metadata.GetString(metadata.GetAssemblyDefinition().Name)).Append('\n');
        foreach (string reference in AssemblyCode.References(metadata))
        {
            text.Append(reference).Append('\n');
        }

        foreach (string checksum in checksums)
        {
            text.Append("source ").Append(checksum).Append('\n');
        }

        foreach (var (name, content) in AssemblyCode.Resources(pe, metadata))
        {
            text.Append("resource ").Append(name).Append(' ').Append(Convert.ToHexStringLower(SHA256.HashData(content))).Append('\n');
        }

        return SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
    }

    // A generator's output is embedded in the PDB (the only sources that are, here); what MSBuild
    // writes before compiling lies under an obj folder (also with --artifacts-path: ARTIFACTS/obj/...).
    private static bool IsGenerated(MetadataReader pdb, DocumentHandle document, string path) =>
        path.Replace('\\', '/').Split('/').Contains("obj", StringComparer.Ordinal)
        || pdb.GetCustomDebugInformation(document).Any(h => pdb.GetGuid(pdb.GetCustomDebugInformation(h).Kind) == EmbeddedSource);
}
