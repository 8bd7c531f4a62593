using System.Text.Json;
using Monotone.Core;

namespace Monotone.Tests.Support;

/// <summary>
/// The fixtures of Fixtures/cases.json: tensors written by real PyTorch and the
/// statistics the notebook's own code computed for them (make_fixtures.py).
/// </summary>
public static class NotebookCases
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The path of <c>f32_basic.pt</c>: a small float32 tensor the command-line tests analyse when only the options matter.</summary>
    public static string Basic { get; } = Path.Combine(Folder, "f32_basic.pt");

    private static readonly Lazy<JsonElement[]> All = new(() =>
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "cases.json")));
        return [.. document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone())];
    });

    public static TheoryData<string> Valid() => Names(c => !c.TryGetProperty("error", out _));

    public static TheoryData<string> Errors() => Names(c => c.TryGetProperty("error", out _));

    /// <summary>Each file that a valid case reads, once, with the tensor it names in the file (if any).</summary>
    public static TheoryData<string, string?> ValidFiles()
    {
        var data = new TheoryData<string, string?>();
        foreach (var (file, tensor) in All.Value
            .Where(c => !c.TryGetProperty("error", out _))
            .Select(c => (c.GetProperty("file").GetString()!, TensorOf(c)))
            .Distinct())
        {
            data.Add(file, tensor);
        }

        return data;
    }

    public static JsonElement Get(string name) => All.Value.Single(c => c.GetProperty("name").GetString() == name);

    public static string PathOf(JsonElement testCase) => Path.Combine(Folder, testCase.GetProperty("file").GetString()!);

    public static string? TensorOf(JsonElement testCase) =>
        testCase.TryGetProperty("tensor", out var t) ? t.GetString() : null;

    public static AnalysisOptions OptionsOf(JsonElement testCase)
    {
        var slopes = testCase.GetProperty("slopes");
        return new AnalysisOptions
        {
            Slopes = slopes.ValueKind == JsonValueKind.String
                ? SlopeSpec.Parse(slopes.GetString()!)
                : SlopeSpec.Explicit(slopes.EnumerateArray().Select(e => e.GetDouble())),
            Epsilon = testCase.GetProperty("epsilon").GetDouble(),
            RelativeFloor = testCase.GetProperty("relative_floor").GetDouble(),
        };
    }

    public static IReadOnlyList<LayerStats> ExpectedLayers(JsonElement testCase) =>
        JsonSerializer.Deserialize<LayerStats[]>(
            testCase.GetProperty("expected").GetProperty("layers"),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;

    private static TheoryData<string> Names(Func<JsonElement, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var c in All.Value.Where(filter))
        {
            data.Add(c.GetProperty("name").GetString()!);
        }

        return data;
    }
}
