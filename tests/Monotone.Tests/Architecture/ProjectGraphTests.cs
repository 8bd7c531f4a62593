using System.Text.RegularExpressions;
using System.Xml.Linq;
using Monotone.Tests.Support;

namespace Monotone.Tests.Architecture;

/// <summary>
/// The project references follow the pipeline's stages (docs/design.md §3): every
/// <c>ProjectReference</c> of every project under tools/ and build/ is one of the edges below,
/// and every edge below is a reference. docs/layout.md carries the same table, with the same
/// reasons, for readers; a test holds the two to each other.
/// </summary>
public partial class ProjectGraphTests
{
    /// <summary>The allowed references: (from, to) → why. Project names without "Monotone.".</summary>
    private static readonly Dictionary<(string From, string To), string> Allowed = new()
    {
        [("Manifest", "Core")] = "the manifest names analysis options and slopes",
        [("TensorInput", "Core")] = "a file is an attention source; input errors and dtypes",
        [("Engine", "Core")] = "engines read attention sources and return layer statistics",
        [("Engine.Torch", "Engine")] = "the same refusal of unusable values (InputValues) and compensated sums",
        [("Engine.Torch", "Build.LibTorchSharp")] = "build order only: its task makes TorchSharp load on GCC 12 runtimes",
        [("Results", "Core")] = "a result file records layer statistics and options",
        [("Pipeline", "Manifest")] = "plans experiments from the manifest",
        [("Pipeline", "Results")] = "reads and writes result files",
        [("Pipeline", "TensorInput")] = "opens and fingerprints inputs",
        [("Pipeline", "Engine")] = "runs engines on stale experiments",
        [("Figures", "Results")] = "draws from result files only",
        [("Appendix", "Figures")] = "draws the figures onto its pages",
        [("Report", "Appendix")] = "the appendix's summary rows and provenance",
        [("Tool", "Pipeline")] = "run, status, verify, analyze",
        [("Tool", "Appendix")] = "the paper command",
        [("Tool", "Report")] = "the paper command",
        [("Tool", "Engine.Torch")] = "--engine torch",
        [("Build", "Pipeline")] = "the PlanPipeline task plans the build's work",
    };

    /// <summary>Projects that must not reach the kernels or the tensor readers, even through others.</summary>
    public static TheoryData<string> KernelFree { get; } = new() { "Core", "Manifest", "Results", "Figures", "Appendix", "Report" };

    [Fact]
    public void Every_project_reference_is_an_allowed_edge_and_every_edge_is_a_reference()
    {
        var actual = References().SelectMany(p => p.Value.Select(to => (p.Key, to))).ToHashSet();

        Assert.Empty(actual.Except(Allowed.Keys).Select(Show));
        Assert.Empty(Allowed.Keys.Except(actual).Select(Show));
    }

    [Theory]
    [MemberData(nameof(KernelFree))]
    public void A_kernel_free_project_reaches_neither_the_engine_nor_the_tensor_readers(string project)
    {
        var graph = References();
        var reached = new HashSet<string>();
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out string? next))
        {
            foreach (string to in graph.GetValueOrDefault(next, []))
            {
                if (reached.Add(to))
                {
                    pending.Push(to);
                }
            }
        }

        Assert.DoesNotContain("Engine", reached);
        Assert.DoesNotContain("TensorInput", reached);
    }

    [Theory]
    [InlineData("docs/layout.md")]
    [InlineData("docs/design.md")]
    public void The_documents_show_the_same_edges_with_the_same_reasons(string document)
    {
        var rows = EdgeRow().Matches(File.ReadAllText(Path.Combine(RepositoryRoot.Path, document)))
            .ToDictionary(m => (m.Groups[1].Value, m.Groups[2].Value), m => m.Groups[3].Value.Trim());

        Assert.Equal(Allowed.OrderBy(e => e.Key), rows.OrderBy(e => e.Key));
    }

    [Fact]
    public void The_graph_is_read_from_the_project_files()
    {
        // Guards the reader itself: a pattern that matched nothing would pass the tests above vacuously.
        var graph = References();

        Assert.Contains("Core", graph.Keys);
        Assert.Contains("Core", graph["Manifest"]);
        Assert.True(graph.Count >= 13, $"only {graph.Count} projects found");
    }

    /// <summary>Every project under tools/ and build/ and the projects it references, by short name.</summary>
    private static Dictionary<string, HashSet<string>> References()
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (string folder in new[] { "tools", "build" })
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.csproj", SearchOption.AllDirectories))
            {
                var references = XDocument.Load(file).Descendants("ProjectReference")
                    .Select(r => ShortName(r.Attribute("Include")!.Value))
                    .ToHashSet();
                graph.Add(ShortName(file), references);
            }
        }

        return graph;
    }

    private static string ShortName(string projectPath) =>
        Path.GetFileNameWithoutExtension(projectPath.Replace('\\', '/')) is var name && name.StartsWith("Monotone.", StringComparison.Ordinal)
            ? name["Monotone.".Length..]
            : name;

    private static string Show((string From, string To) edge) => $"{edge.From} -> {edge.To}";

    /// <summary>A row <c>| `Monotone.From` | `Monotone.To` | why |</c> of the documents' edge table.</summary>
    [GeneratedRegex(@"^\| `Monotone\.([\w.]+)` \| `Monotone\.([\w.]+)` \| ([^|\n]+) \|$", RegexOptions.Multiline)]
    private static partial Regex EdgeRow();
}
