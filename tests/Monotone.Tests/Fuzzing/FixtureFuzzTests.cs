using System.Diagnostics;
using System.Text.Json;
using Monotone.Core;
using Monotone.Engine;
using Monotone.Results;
using Monotone.TensorInput;
using Monotone.Tests.Support;
using Xunit.Abstractions;

namespace Monotone.Tests.Fuzzing;

/// <summary>
/// Mutates the committed fixtures (<see cref="FixtureMutator"/>) and runs <c>analyze</c> on each
/// mutant in-process. Every run either exits 0 with the notebook's numbers (or, where the mutant
/// holds other values, with the reference engine's numbers for them), or exits 2 with one line
/// naming the file and writes nothing; each within bounded time and allocation. A fixed list of
/// seeds runs every time; one fresh seed, printed, runs for the rest of the time budget.
/// </summary>
[Collection(nameof(FixtureFuzzTests))]
[CollectionDefinition(nameof(FixtureFuzzTests), DisableParallelization = true)]
public partial class FixtureFuzzTests(ITestOutputHelper log)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^[^\n]*: layer \d+/\d+$")]
    private static partial System.Text.RegularExpressions.Regex ProgressLine();

    private const int FixedSeeds = 300;
    private static readonly TimeSpan FreshBudget = TimeSpan.FromSeconds(12);
    private static readonly TimeSpan PerRun = TimeSpan.FromSeconds(10);
    private const long PerRunAllocation = 256L << 20;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        foreach (int block in Enumerable.Range(0, 3))
        {
            data.Add(block);
        }

        return data;
    }

    /// <summary>The fixed seeds, in three blocks so that a failure names a smaller range.</summary>
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Fixed_seeds(int block)
    {
        int per = FixedSeeds / 3;
        var failures = new List<string>();
        for (int seed = block * per; seed < (block + 1) * per; seed++)
        {
            RunSeed(seed, failures);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n{string.Join("\n", failures.Take(10))}");
    }

    [Fact]
    public void A_fresh_seed_for_the_rest_of_the_budget()
    {
        int first = Environment.TickCount & int.MaxValue;
        log.WriteLine($"fresh seeds from {first} (rerun one with RunSeed)");
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        int runs = 0;
        var outcomes = new Dictionary<string, int>();
        for (int seed = first; clock.Elapsed < FreshBudget && failures.Count < 10; seed = (seed + 1) & int.MaxValue, runs++)
        {
            string outcome = RunSeed(seed, failures);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        log.WriteLine($"{runs} mutants in {clock.Elapsed.TotalSeconds:F1} s: {string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Value} {o.Key}"))}");
        Assert.True(runs > 0);
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seeds from {first}):\n{string.Join("\n", failures)}");
    }

    private static readonly Lazy<(JsonElement Case, byte[] Bytes)[]> Inputs = new(() =>
        [.. NotebookCases.ValidFiles()
            .Select(row => ((string)row[0], (string?)row[1]))
            .Select(file => NotebookCaseWithDefaults(file.Item1, file.Item2))
            .OfType<JsonElement>()
            .Select(c => (c, File.ReadAllBytes(NotebookCases.PathOf(c))))]);

    // A case for the file with the notebook's own options, which analyze uses by default.
    private static JsonElement? NotebookCaseWithDefaults(string file, string? tensor)
    {
        foreach (object[] row in (IEnumerable<object[]>)NotebookCases.Valid())
        {
            var c = NotebookCases.Get((string)row[0]);
            if (c.GetProperty("file").GetString() == file && NotebookCases.TensorOf(c) == tensor
                && c.GetProperty("slopes").ValueKind == JsonValueKind.String && c.GetProperty("slopes").GetString() == "notebook"
                && c.GetProperty("epsilon").GetDouble() == AnalysisOptions.NotebookEpsilon
                && c.GetProperty("relative_floor").GetDouble() == AnalysisOptions.NotebookRelativeFloor)
            {
                return c;
            }
        }

        return null;
    }

    /// <summary>One mutant: seed → fixture, mutation, run, verdict (a failure is added to <paramref name="failures"/>).</summary>
    /// <returns>What happened: "failed", "refused" (exit 2), "same values" or "other values" (exit 0).</returns>
    internal static string RunSeed(int seed, List<string> failures)
    {
        var random = new Random(seed);
        var (testCase, original) = Inputs.Value[random.Next(Inputs.Value.Length)];
        var (mutation, bytes) = FixtureMutator.Mutate(original, random);
        string file = testCase.GetProperty("file").GetString()!;
        string? tensorName = NotebookCases.TensorOf(testCase);
        string where = $"seed {seed}, {file}, {mutation}";

        using var folder = new TemporaryFolder();
        string input = folder.File(file);
        string output = folder.File("result.json");
        File.WriteAllBytes(input, bytes);
        string[] args = tensorName is null ? ["analyze", input, "-o", output] : ["analyze", input, "-o", output, "--tensor", tensorName];

        long allocatedBefore = GC.GetTotalAllocatedBytes();
        var run = Task.Run(() => ToolRunner.Run(args));
        try
        {
            if (!run.Wait(PerRun))
            {
                failures.Add($"{where}: ran past {PerRun.TotalSeconds} s");
                return "failed";
            }
        }
        catch (AggregateException e)
        {
            var inner = e.InnerException!;
            failures.Add($"{where}: {inner.GetType().Name} escaped: {inner.Message} {inner.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}");
            return "failed";
        }

        long allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        if (allocated > PerRunAllocation)
        {
            failures.Add($"{where}: allocated {allocated:N0} bytes");
        }

        var (code, _, error) = run.Result;
        string outcome = code == 2 ? "refused" : "other values";
        string? problem = code switch
        {
            0 => CheckResult(testCase, original, bytes, input, output, tensorName, ref outcome),
            2 => CheckRefusal(error, input, folder.Path),
            _ => $"exit code {code}: {error}",
        };
        if (problem is not null)
        {
            failures.Add($"{where}: {problem}");
            return "failed";
        }

        return outcome;
    }

    private static string? CheckRefusal(string error, string input, string folder)
    {
        // With -o, analyze reports finished layers ("x.npy: layer 1/2") on standard error before
        // a problem found in a later layer; the problem itself must be one line.
        string[] lines = error.TrimEnd('\n').Split('\n').Where(line => !ProgressLine().IsMatch(line)).ToArray();
        if (lines.Length != 1 || error.Contains("   at ", StringComparison.Ordinal))
        {
            return $"exit 2 with {lines.Length} lines: {error}";
        }

        if (!lines[0].Contains(input, StringComparison.Ordinal))
        {
            return $"exit 2 without naming the file: {error}";
        }

        string[] left = Directory.GetFileSystemEntries(folder);
        return left.Length == 1 ? null : $"exit 2 but wrote {string.Join(", ", left.Select(Path.GetFileName))}";
    }

    private static string? CheckResult(JsonElement testCase, byte[] original, byte[] mutant, string input, string output, string? tensorName, ref string outcome)
    {
        if (!File.Exists(output))
        {
            return "exit 0 without a result file";
        }

        var actual = ResultJson.Read(output).Layers;
        IReadOnlyList<LayerStats> expected;
        string against;
        if (SameValues(original, mutant, input, tensorName))
        {
            expected = NotebookCases.ExpectedLayers(testCase);
            against = "the notebook";
            outcome = "same values";
        }
        else
        {
            // Other values, still a valid tensor: the yardstick engine on the same mutant.
            using var tensor = AttentionTensor.Open(input, tensorName);
            expected = new ReferenceEngine().Analyze(tensor, new AnalysisOptions());
            against = "the reference engine";
        }

        var differences = new ResultComparison().Compare(expected, actual);
        return differences.Count == 0 ? null
            : $"exit 0 but {differences.Count} numbers differ from {against}, e.g. layer {differences[0].Layer} {differences[0].Field}";
    }

    // Whether the mutant still holds exactly the original tensor (a mutation in padding, a
    // name, an unused record): then the notebook's numbers are the ones to give.
    private static bool SameValues(byte[] original, byte[] mutant, string input, string? tensorName)
    {
        string originalPath = input + ".original";
        File.WriteAllBytes(originalPath, original);
        try
        {
            using var a = AttentionTensor.Open(originalPath, tensorName);
            using var b = AttentionTensor.Open(input, tensorName);
            if (a.Layers != b.Layers || a.Heads != b.Heads || a.SequenceLength != b.SequenceLength)
            {
                return false;
            }

            int n = a.SequenceLength;
            var x = new double[n * n];
            var y = new double[n * n];
            for (int layer = 0; layer < a.Layers; layer++)
            {
                for (int head = 0; head < a.Heads; head++)
                {
                    a.ReadHead(layer, head, x);
                    b.ReadHead(layer, head, y);
                    if (!x.AsSpan().SequenceEqual(y))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
        finally
        {
            File.Delete(originalPath);
        }
    }
}
