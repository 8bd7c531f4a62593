using UglyToad.PdfPig;

namespace Monotone.Tests.Support;

/// <summary>Reads a PDF back with PdfPig, as a reader's copy-and-paste would see it.</summary>
public static class PdfText
{
    /// <summary>All pages' text with whitespace removed, so words split by layout still match.</summary>
    public static string Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    public static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public static void AssertContains(string squeezedText, params string[] expected)
    {
        foreach (string text in expected)
        {
            Assert.Contains(Squeeze(text), squeezedText, StringComparison.Ordinal);
        }
    }
}
