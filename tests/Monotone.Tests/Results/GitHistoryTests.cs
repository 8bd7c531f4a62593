using Monotone.Appendix.Provenance;
using Monotone.Results;
using Monotone.Tests.Support;

namespace Monotone.Tests.Results;

public sealed class GitHistoryTests
{
    [GitFact]
    public void Names_the_commit_that_last_changed_the_file_not_the_latest_commit()
    {
        using var repository = new GitRepository();
        repository.Commit("experiments/a/256/monotonicity.json", "{}");
        string changed = repository.Commit("experiments/a/256/monotonicity.json", "{\"v\": 2}");
        string later = repository.Commit("experiments/b/256/monotonicity.json", "{}");

        var history = GitHistory.Open(repository.Path);

        Assert.Equal(changed, history.CommitOf(repository.File("experiments/a/256/monotonicity.json")));
        Assert.Equal(later, history.CommitOf(repository.File("experiments/b/256/monotonicity.json")));
        Assert.NotEqual(changed, later);
    }

    [GitFact]
    public void A_file_that_differs_from_its_commit_is_uncommitted()
    {
        using var repository = new GitRepository();
        repository.Commit("modified.json", "{}");
        repository.Commit("staged.json", "{}");
        repository.Commit(".gitignore", "ignored.json\n");
        File.WriteAllText(repository.File("modified.json"), "{\"changed\": true}");
        File.WriteAllText(repository.File("staged.json"), "{\"changed\": true}");
        repository.Git("add", "staged.json");
        File.WriteAllText(repository.File("untracked.json"), "{}");
        File.WriteAllText(repository.File("ignored.json"), "{}");

        var history = GitHistory.Open(repository.Path);

        Assert.All(
            ["modified.json", "staged.json", "untracked.json", "ignored.json"],
            name => Assert.Equal(GitHistory.Uncommitted, history.CommitOf(repository.File(name))));
    }

    [GitFact]
    public void Opens_the_repository_from_any_folder_inside_it()
    {
        using var repository = new GitRepository();
        string commit = repository.Commit("experiments/a/monotonicity.json", "{}");

        var history = GitHistory.Open(repository.File("experiments/a"));

        Assert.Equal(commit, history.CommitOf(repository.File("experiments/a/monotonicity.json")));
    }

    [Fact]
    public void Outside_a_repository_there_is_no_git_history_and_no_error()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("monotonicity.json"), "{}");

        Assert.Equal(GitHistory.NoHistory, GitHistory.Open(folder.Path).CommitOf(folder.File("monotonicity.json")));
        Assert.Equal(GitHistory.NoHistory, GitHistory.None.CommitOf(folder.File("monotonicity.json")));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef01234567", "0123456789ab")]
    [InlineData(GitHistory.Uncommitted, GitHistory.Uncommitted)]
    [InlineData(GitHistory.NoHistory, GitHistory.NoHistory)]
    public void Tables_show_twelve_hex_digits_or_the_words(string commit, string shown) =>
        Assert.Equal(shown, new ResultOrigin("x.pt", commit).ShortCommit);
}
