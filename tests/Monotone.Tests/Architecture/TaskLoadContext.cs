using System.Reflection;
using System.Runtime.Loader;

namespace Monotone.Tests.Architecture;

/// <summary>
/// Loads an MSBuild task assembly and its dependencies the way MSBuild's task host does: from
/// the task's own folder, through its <c>.deps.json</c>; MSBuild's own assemblies come from the
/// host (here, the test process). Collectible, so each test gets a fresh one, and every
/// assembly the task asks for is recorded, also one that the default context ends up providing.
/// </summary>
internal sealed class TaskLoadContext(string taskAssembly) : AssemblyLoadContext(nameof(TaskLoadContext), isCollectible: true)
{
    private readonly AssemblyDependencyResolver resolver = new(taskAssembly);

    /// <summary>The simple names of every assembly requested through this context.</summary>
    public HashSet<string> Requested { get; } = [];

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        lock (Requested)
        {
            Requested.Add(assemblyName.Name!);
        }

        if (assemblyName.Name!.StartsWith("Microsoft.Build", StringComparison.Ordinal))
        {
            return null;
        }

        return resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    /// <summary>Whether <paramref name="name"/> was requested or is loaded in this context.</summary>
    public bool Holds(string name) =>
        Requested.Contains(name) || Assemblies.Any(a => a.GetName().Name == name);
}
