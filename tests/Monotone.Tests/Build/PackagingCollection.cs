namespace Monotone.Tests.Build;

/// <summary>
/// The tests that build, pack, publish and install with the real `dotnet` run one after another:
/// each compiles or restores on every core, so running them side by side only adds contention.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection
{
    public const string Name = "dotnet build, pack and install";
}
