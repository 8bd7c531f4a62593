using Monotone.Results;

namespace Monotone.Tests.Support;

/// <summary>
/// `analyze` run for its result file: for the tests that look at what was written (numbers, options, provenance)
/// rather than at the run itself.
/// </summary>
internal static class AnalyzedResult
{
    /// <summary>
    /// Runs <c>dotnet monotone analyze INPUT -o FILE OPTIONS...</c> in-process (<see cref="ToolRunner.RunBounded"/>, so
    /// at most 30 s) with FILE in a fresh temporary folder; fails the test, showing standard error, unless the run
    /// exits 0; returns the result file read back.
    /// </summary>
    public static MonotonicityResult Of(string input, params string[] options)
    {
        using var folder = new TemporaryFolder();
        string output = folder.File("result.json");

        var (code, _, error) = ToolRunner.RunBounded(["analyze", input, "-o", output, .. options]);

        Assert.True(code == 0, $"analyze {input} exited {code}: {error}");
        return ResultJson.Read(output);
    }
}
