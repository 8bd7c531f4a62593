using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;
using System.Text;

namespace Monotone.Pipeline;

/// <summary>
/// A hash of what an assembly's code does, read from its metadata without loading it: every type
/// with its fields, methods (signature and IL body) and attributes, the assemblies it references,
/// and its embedded resources (fonts, templates). Left out on purpose: what Nerdbank.GitVersioning
/// stamps into every assembly and changes with every commit although the code does not (the
/// assembly-level version attributes, its generated <c>ThisAssembly</c> class, the Win32 version
/// resource) and what is derived from it (the module version id, the PDB checksum).
/// </summary>
/// <remarks>
/// Metadata tokens in IL and signatures are row numbers (and #US offsets for <c>ldstr</c>), which a
/// deterministic compilation of the same source assigns the same way; values that live in heaps
/// (names, constants, signatures, attribute arguments) are hashed by content, never by offset.
/// </remarks>
internal static class AssemblyCode
{
    /// <summary>The class Nerdbank.GitVersioning generates with the version, commit id and commit date as constants.</summary>
    private const string VersionStampClass = "ThisAssembly";

    /// <returns>SHA-256 of the assembly's code, 32 bytes.</returns>
    /// <exception cref="BadImageFormatException">Not a .NET assembly.</exception>
    /// <exception cref="InvalidOperationException">Metadata the reader cannot decode.</exception>
    public static byte[] Hash(byte[] image)
    {
        using var pe = new PEReader(System.Collections.Immutable.ImmutableArray.Create(image));
        var metadata = pe.GetMetadataReader();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        Text(hash, metadata.GetString(metadata.GetAssemblyDefinition().Name));
        foreach (string reference in References(metadata))
        {
            Text(hash, reference);
        }

        foreach (var handle in metadata.TypeReferences)
        {
            var type = metadata.GetTypeReference(handle);
            Text(hash, $"typeref {metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}");
        }

        foreach (var handle in metadata.MemberReferences)
        {
            var member = metadata.GetMemberReference(handle);
            Text(hash, $"memberref {metadata.GetString(member.Name)}");
            Bytes(hash, metadata.GetBlobBytes(member.Signature));
        }

        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (IsVersionStamp(metadata, type))
            {
                continue;
            }

            Text(hash, $"type {metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)} {(int)type.Attributes}");
            Attributes(metadata, type.GetCustomAttributes(), hash);
            foreach (var fieldHandle in type.GetFields())
            {
                var field = metadata.GetFieldDefinition(fieldHandle);
                Text(hash, $"field {metadata.GetString(field.Name)} {(int)field.Attributes}");
                Bytes(hash, metadata.GetBlobBytes(field.Signature));
                if (!field.GetDefaultValue().IsNil)
                {
                    Bytes(hash, metadata.GetBlobBytes(metadata.GetConstant(field.GetDefaultValue()).Value));
                }

                // Static data (array initialisers) lives at the field's RVA.
                if (field.GetRelativeVirtualAddress() is var rva and > 0)
                {
                    var data = pe.GetSectionData(rva);
                    Bytes(hash, data.GetContent(0, Math.Min(data.Length, StaticDataSize(metadata, field))).ToArray());
                }

                Attributes(metadata, field.GetCustomAttributes(), hash);
            }

            foreach (var methodHandle in type.GetMethods())
            {
                var method = metadata.GetMethodDefinition(methodHandle);
                Text(hash, $"method {metadata.GetString(method.Name)} {(int)method.Attributes} {(int)method.ImplAttributes}");
                Bytes(hash, metadata.GetBlobBytes(method.Signature));
                if (method.RelativeVirtualAddress > 0)
                {
                    var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                    Bytes(hash, body.GetILBytes() ?? []);
                    if (!body.LocalSignature.IsNil)
                    {
                        Bytes(hash, metadata.GetBlobBytes(metadata.GetStandaloneSignature(body.LocalSignature).Signature));
                    }

                    foreach (var region in body.ExceptionRegions)
                    {
                        Text(hash, $"try {(int)region.Kind} {region.TryOffset} {region.TryLength} {region.HandlerOffset} {region.HandlerLength} {region.FilterOffset} {MetadataTokens.GetToken(region.CatchType)}");
                    }
                }

                Attributes(metadata, method.GetCustomAttributes(), hash);
            }
        }

        // ldstr's strings, by content (the heap in the order the compiler wrote it).
        for (var handle = MetadataTokens.UserStringHandle(1); metadata.GetHeapSize(HeapIndex.UserString) > 1 && !handle.IsNil; handle = metadata.GetNextHandle(handle))
        {
            Text(hash, metadata.GetUserString(handle));
        }

        foreach (var (name, content) in Resources(pe, metadata))
        {
            Text(hash, $"resource {name}");
            Bytes(hash, content);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>"ref NAME VERSION" for each referenced assembly: with the version, as a drawing library updated to another version draws differently.</summary>
    internal static IEnumerable<string> References(MetadataReader metadata) =>
        metadata.AssemblyReferences.Select(handle => metadata.GetAssemblyReference(handle))
            .Select(reference => $"ref {metadata.GetString(reference.Name)} {reference.Version}");

    /// <summary>The assembly's embedded resources (fonts, templates), by name and content; a linked resource has no content here.</summary>
    internal static IEnumerable<(string Name, byte[] Content)> Resources(PEReader pe, MetadataReader metadata)
    {
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            yield return (metadata.GetString(resource.Name), resource.Implementation.IsNil ? Resource(pe, resource) : []);
        }
    }

    // Length-prefixed fields, so that no two different sequences of fields hash alike.
    private static void Text(IncrementalHash hash, string text) => Bytes(hash, Encoding.UTF8.GetBytes(text));

    private static void Bytes(IncrementalHash hash, ReadOnlySpan<byte> bytes)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }

    // NB.GV's generated class is top level; a user's nested class of the same name is not it.
    private static bool IsVersionStamp(MetadataReader metadata, TypeDefinition type) =>
        type.GetDeclaringType().IsNil && metadata.StringComparer.Equals(type.Name, VersionStampClass);

    private static void Attributes(MetadataReader metadata, CustomAttributeHandleCollection attributes, IncrementalHash hash)
    {
        foreach (var handle in attributes)
        {
            var attribute = metadata.GetCustomAttribute(handle);
            Text(hash, $"attribute {MetadataTokens.GetToken(attribute.Constructor)}");
            Bytes(hash, metadata.GetBlobBytes(attribute.Value));
        }
    }

    // An RVA field's type is a value type of explicit size (<PrivateImplementationDetails>'s
    // __StaticArrayInitTypeSize=N) or a primitive; its size comes from the type's layout.
    private static int StaticDataSize(MetadataReader metadata, FieldDefinition field)
    {
        var signature = metadata.GetBlobReader(field.Signature);
        signature.ReadSignatureHeader();
        var code = signature.ReadSignatureTypeCode();
        return code switch
        {
            SignatureTypeCode.Boolean or SignatureTypeCode.SByte or SignatureTypeCode.Byte => 1,
            SignatureTypeCode.Char or SignatureTypeCode.Int16 or SignatureTypeCode.UInt16 => 2,
            SignatureTypeCode.Int32 or SignatureTypeCode.UInt32 or SignatureTypeCode.Single => 4,
            SignatureTypeCode.Int64 or SignatureTypeCode.UInt64 or SignatureTypeCode.Double => 8,
            SignatureTypeCode.TypeHandle when signature.ReadTypeHandle() is { Kind: HandleKind.TypeDefinition } type
                => metadata.GetTypeDefinition((TypeDefinitionHandle)type).GetLayout().Size,
            _ => 0,
        };
    }

    private static byte[] Resource(PEReader pe, ManifestResource resource)
    {
        var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
        var data = pe.GetSectionData(directory.RelativeVirtualAddress);
        var reader = data.GetReader((int)resource.Offset, data.Length - (int)resource.Offset);
        int length = reader.ReadInt32();
        return reader.ReadBytes(length);
    }
}
