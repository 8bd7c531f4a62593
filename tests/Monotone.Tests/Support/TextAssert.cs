namespace Monotone.Tests.Support;

/// <summary>Assertions on text the tool writes (HTML, LaTeX, logs), ordinal as every comparison in these tests.</summary>
internal static class TextAssert
{
    /// <summary>Each of <paramref name="parts"/> occurs in <paramref name="text"/>; the first that does not fails the test with its name.</summary>
    public static void ContainsAll(string text, params string[] parts)
    {
        foreach (string part in parts)
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }
    }
}
