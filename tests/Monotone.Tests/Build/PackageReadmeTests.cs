using System.IO.Compression;
using Monotone.Tests.Support;

namespace Monotone.Tests.Build;

/// <summary>Each package carries docs/package-readme.md as its readme, named in its nuspec (no "missing a readme" at each pack).</summary>
[Collection(PackagingCollection.Name)]
public sealed class PackageReadmeTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    [Theory]
    [InlineData("Monotone.Tool")]
    [InlineData("Monotone.Build")]
    public void The_package_carries_the_readme_and_names_it(string id)
    {
        string path = Directory.GetFiles(packages.Feed, $"{id}.*.nupkg").Single(p => Path.GetFileName(p)[id.Length + 1] is >= '0' and <= '9');
        using var package = ZipFile.OpenRead(path);
        using var readme = new StreamReader(package.GetEntry("README.md")!.Open());
        using var nuspec = new StreamReader(package.GetEntry($"{id}.nuspec")!.Open());

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "package-readme.md")), readme.ReadToEnd());
        Assert.Contains("<readme>README.md</readme>", nuspec.ReadToEnd(), StringComparison.Ordinal);
    }
}
