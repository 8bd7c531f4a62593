using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Monotone.Pipeline;
using Monotone.Tests.Support;

namespace Monotone.Tests.Pipeline;

/// <summary>
/// The drawing code's identity follows the code, not the version stamp: Nerdbank.GitVersioning
/// writes the commit into every assembly (version attributes, its ThisAssembly class), which gave
/// every commit a new module version id and redrew the paper once per commit.
/// </summary>
public sealed class CodeIdentityTests
{
    private const string CommitA = "764caabb7027e29074f1df518026d75eb1dcaac9";

    private const string CommitB = "8d7d355f00000000000000000000000000000000";

    [Fact]
    public void The_same_code_built_at_two_commits_has_one_identity()
    {
        using var atA = Tool(CommitA, height: 51, lineWidth: 2);
        using var atB = Tool(CommitB, height: 52, lineWidth: 2);

        // The builds differ in their bytes and module version ids, as two commits' builds do.
        Assert.NotEqual(File.ReadAllBytes(atA.File("Monotone.Figures.dll")), File.ReadAllBytes(atB.File("Monotone.Figures.dll")));
        Assert.NotEqual(Mvid(atA.File("Monotone.Figures.dll")), Mvid(atB.File("Monotone.Figures.dll")));
        Assert.NotNull(CodeIdentity.Of(atA.Path));
        Assert.Equal(CodeIdentity.Of(atA.Path), CodeIdentity.Of(atB.Path));
    }

    [Fact]
    public void A_changed_drawing_method_gives_another_identity()
    {
        using var before = Tool(CommitA, height: 51, lineWidth: 2);
        using var after = Tool(CommitA, height: 51, lineWidth: 3);

        Assert.NotEqual(CodeIdentity.Of(before.Path), CodeIdentity.Of(after.Path));
    }

    [Fact]
    public void A_changed_constant_or_resource_gives_another_identity()
    {
        using var before = Tool(CommitA, height: 51, lineWidth: 2);
        using var constant = Tool(CommitA, height: 51, lineWidth: 2, markerSize: 5.5);
        using var resource = Tool(CommitA, height: 51, lineWidth: 2, font: [1, 2, 4]);

        Assert.NotEqual(CodeIdentity.Of(before.Path), CodeIdentity.Of(constant.Path));
        Assert.NotEqual(CodeIdentity.Of(before.Path), CodeIdentity.Of(resource.Path));
    }

    [Fact]
    public void The_drawing_assemblies_built_here_are_identified_by_their_sources()
    {
        // tools/Directory.Build.props embeds each PDB, whose source checksums Debug and Release builds
        // share (BuildPathTests compares the two builds' identities).
        foreach (string name in CodeIdentity.Assemblies)
        {
            Assert.NotNull(AssemblySources.Hash(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, name))));
        }
    }

    [Fact]
    public void The_tool_built_here_has_an_identity_from_its_files()
    {
        // The test's output folder holds the tool's assemblies, as the tool's own folder does.
        Assert.Matches("^[0-9a-f]{32}$", CodeIdentity.Of(AppContext.BaseDirectory));
    }

    // A folder with the four drawing assemblies, each as NB.GV would stamp it at the commit: the
    // version attributes and a ThisAssembly class with the commit id, beside one drawing method,
    // one constant and one embedded resource.
    private static TemporaryFolder Tool(string commit, int height, int lineWidth, double markerSize = 4.5, byte[]? font = null)
    {
        var folder = new TemporaryFolder();
        foreach (string file in CodeIdentity.Assemblies)
        {
            File.WriteAllBytes(folder.File(file), Emit(Path.GetFileNameWithoutExtension(file), commit, height, lineWidth, markerSize, font ?? [1, 2, 3]));
        }

        return folder;
    }

    private static byte[] Emit(string name, string commit, int height, int lineWidth, double markerSize, byte[] font)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = new Version(0, 1, 0, 0) }, typeof(object).Assembly);
        assembly.SetCustomAttribute(Attribute<AssemblyFileVersionAttribute>($"0.1.{height}.{Convert.ToInt32(commit[..4], 16)}"));
        assembly.SetCustomAttribute(Attribute<AssemblyInformationalVersionAttribute>($"0.1.{height}+{commit}"));
        var module = assembly.DefineDynamicModule(name);

        var stamp = module.DefineType("ThisAssembly", TypeAttributes.NotPublic | TypeAttributes.Abstract | TypeAttributes.Sealed);
        stamp.DefineField("GitCommitId", typeof(string), FieldAttributes.Assembly | FieldAttributes.Static | FieldAttributes.Literal).SetConstant(commit);
        stamp.DefineField("AssemblyFileVersion", typeof(string), FieldAttributes.Assembly | FieldAttributes.Static | FieldAttributes.Literal).SetConstant($"0.1.{height}");
        stamp.CreateType();

        var chart = module.DefineType($"{name}.Chart", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed);
        chart.DefineField("MarkerSize", typeof(double), FieldAttributes.Public | FieldAttributes.Static | FieldAttributes.Literal).SetConstant(markerSize);
        var method = chart.DefineMethod("LineWidth", MethodAttributes.Public | MethodAttributes.Static, typeof(int), Type.EmptyTypes);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldc_I4, lineWidth);
        il.Emit(OpCodes.Ret);
        chart.CreateType();

        var metadata = assembly.GenerateMetadata(out var ilStream, out var fieldData);
        var resources = new BlobBuilder();
        resources.WriteInt32(font.Length);
        resources.WriteBytes(font);
        metadata.AddManifestResource(ManifestResourceAttributes.Public, metadata.GetOrAddString("font.ttf"), default, 0);
        var image = new BlobBuilder();
        new ManagedPEBuilder(
            PEHeaderBuilder.CreateLibraryHeader(),
            new System.Reflection.Metadata.Ecma335.MetadataRootBuilder(metadata),
            ilStream,
            fieldData,
            managedResources: resources).Serialize(image);
        return image.ToArray();
    }

    private static CustomAttributeBuilder Attribute<T>(string value) where T : Attribute =>
        new(typeof(T).GetConstructor([typeof(string)])!, [value]);

    private static Guid Mvid(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var reader = pe.GetMetadataReader();
        return reader.GetGuid(reader.GetModuleDefinition().Mvid);
    }
}
