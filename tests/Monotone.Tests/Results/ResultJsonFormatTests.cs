using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Results;

/// <summary>The generated serializer writes committed result files byte for byte as they are.</summary>
public class ResultJsonFormatTests
{
    public static TheoryData<string> CommittedResults() => [.. Paths()];

    private static IEnumerable<string> Paths() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "experiments"), "monotonicity.json", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(RepositoryRoot.Path, p))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(CommittedResults))]
    public void A_committed_result_is_written_back_to_the_same_bytes(string relativePath)
    {
        byte[] committed = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, relativePath));

        byte[] written = ResultJson.ToBytes(ResultJson.FromBytes(committed));

        Assert.Equal(committed, written);
    }

    [Fact]
    public void A_result_without_its_options_block_is_refused()
    {
        string committed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, Paths().First()));
        int start = committed.IndexOf("\n \"options\"", StringComparison.Ordinal);
        int end = committed.IndexOf("\n \"layers\"", StringComparison.Ordinal);
        string damaged = committed[..start] + committed[end..];

        Assert.Throws<System.Text.Json.JsonException>(() => ResultJson.FromBytes(System.Text.Encoding.UTF8.GetBytes(damaged)));
    }

    /// <summary>
    /// A field the format says is never null, written as null, makes the file unreadable instead of
    /// a result with a null in it: the reader enforces the writer's nullable annotations.
    /// </summary>
    [Theory]
    [InlineData("engine")]
    [InlineData("fingerprint")]
    [InlineData("slopes")]
    public void A_null_where_the_format_has_a_value_is_refused(string key)
    {
        string committed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, Paths().First()));
        var value = new System.Text.RegularExpressions.Regex($"\"{key}\": \"[^\"]*\"");
        Assert.Single(value.Matches(committed));

        string damaged = value.Replace(committed, $"\"{key}\": null");

        Assert.Throws<System.Text.Json.JsonException>(() => ResultJson.FromBytes(System.Text.Encoding.UTF8.GetBytes(damaged)));
    }
}
