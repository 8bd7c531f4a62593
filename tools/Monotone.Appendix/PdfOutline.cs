using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Monotone.Appendix.Layout;

namespace Monotone.Appendix;

/// <summary>
/// Adds a document outline (bookmarks) to a PDF that SkiaSharp wrote. Skia
/// writes named destinations (<c>/Dests</c> in the catalog) but no outline, so
/// this appends a standard incremental update (PDF 1.7, §7.5.6): the outline
/// items, a new catalog that points at them, and an xref section chained to
/// Skia's by <c>/Prev</c>. Skia's bytes stay as they are.
/// </summary>
internal static partial class PdfOutline
{
    public static byte[] Append(byte[] pdf, IReadOnlyList<OutlineEntry> entries)
    {
        if (entries.Count == 0)
        {
            return pdf;
        }

        string text = Encoding.Latin1.GetString(pdf);
        var trailer = TrailerPattern().Matches(text)[^1];
        int size = int.Parse(trailer.Groups["size"].Value, CultureInfo.InvariantCulture);
        int root = int.Parse(trailer.Groups["root"].Value, CultureInfo.InvariantCulture);
        string info = trailer.Groups["info"].Success ? $"\n/Info {trailer.Groups["info"].Value} 0 R" : "";
        long previousXref = long.Parse(StartXrefPattern().Matches(text)[^1].Groups[1].Value, CultureInfo.InvariantCulture);
        var catalog = CatalogPattern(root).Match(text);
        if (!catalog.Success)
        {
            throw new InvalidOperationException("the PDF's catalog was not found where SkiaSharp writes it");
        }

        int outlines = size;
        var objects = new SortedDictionary<int, string>
        {
            [root] = $"{catalog.Groups[1].Value}\n/Outlines {outlines} 0 R\n/PageMode /UseOutlines>>",
        };
        var tree = Tree(entries);
        Items(tree, outlines, outlines + 1, objects);
        objects[outlines] = $"<</Type /Outlines\n/First {outlines + 1} 0 R\n/Last {tree[^1].Number} 0 R\n/Count {Visible(tree)}>>";

        var update = new StringBuilder();
        var offsets = new SortedDictionary<int, long>();
        long start = pdf.LongLength + (text.EndsWith('\n') ? 0 : 1);
        if (!text.EndsWith('\n'))
        {
            update.Append('\n');
        }

        foreach (var (number, body) in objects)
        {
            offsets[number] = start + Encoding.Latin1.GetByteCount(update.ToString());
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        long xref = start + Encoding.Latin1.GetByteCount(update.ToString());
        update.Append("xref\n");
        foreach (var run in Runs(offsets.Keys))
        {
            update.Append(CultureInfo.InvariantCulture, $"{run.First} {run.Count}\n");
            for (int n = run.First; n < run.First + run.Count; n++)
            {
                update.Append(CultureInfo.InvariantCulture, $"{offsets[n]:D10} 00000 n \n");
            }
        }

        int newSize = Math.Max(size, objects.Keys.Max() + 1);
        update.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {newSize}\n/Root {root} 0 R{info}\n/Prev {previousXref}>>\nstartxref\n{xref}\n%%EOF\n");
        return [.. pdf, .. Encoding.Latin1.GetBytes(update.ToString())];
    }

    private sealed class Node(OutlineEntry entry)
    {
        public OutlineEntry Entry { get; } = entry;

        public List<Node> Children { get; } = [];

        public int Number { get; set; }
    }

    private static List<Node> Tree(IReadOnlyList<OutlineEntry> entries)
    {
        var top = new List<Node>();
        foreach (var entry in entries)
        {
            var node = new Node(entry);
            (entry.Level > 0 && top.Count > 0 ? top[^1].Children : top).Add(node);
        }

        return top;
    }

    /// <summary>Numbers the items depth-first from <paramref name="next"/> and writes each; returns the next free number.</summary>
    private static int Items(List<Node> siblings, int parent, int next, SortedDictionary<int, string> objects)
    {
        foreach (var node in siblings)
        {
            node.Number = next++;
        }

        foreach (var node in siblings)
        {
            next = Items(node.Children, node.Number, next, objects);
        }

        for (int i = 0; i < siblings.Count; i++)
        {
            var node = siblings[i];
            var body = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"<</Title {TextString(node.Entry.Title)}\n/Parent {parent} 0 R\n/Dest /{node.Entry.Destination}"));
            if (i > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n/Prev {siblings[i - 1].Number} 0 R");
            }

            if (i + 1 < siblings.Count)
            {
                body.Append(CultureInfo.InvariantCulture, $"\n/Next {siblings[i + 1].Number} 0 R");
            }

            if (node.Children.Count > 0)
            {
                // A negative count: the section's entries start folded, as in most papers' PDFs.
                body.Append(CultureInfo.InvariantCulture, $"\n/First {node.Children[0].Number} 0 R\n/Last {node.Children[^1].Number} 0 R\n/Count -{node.Children.Count}");
            }

            objects[node.Number] = body.Append(">>").ToString();
        }

        return next;
    }

    private static int Visible(List<Node> top) => top.Count;

    /// <summary>Titles as UTF-16BE hex strings, which hold any character and need no escaping.</summary>
    private static string TextString(string title) => "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(title)) + ">";

    private static IEnumerable<(int First, int Count)> Runs(IEnumerable<int> numbers)
    {
        int first = -1, count = 0;
        foreach (int n in numbers)
        {
            if (count > 0 && n == first + count)
            {
                count++;
                continue;
            }

            if (count > 0)
            {
                yield return (first, count);
            }

            (first, count) = (n, 1);
        }

        if (count > 0)
        {
            yield return (first, count);
        }
    }

    [GeneratedRegex(@"trailer\s*<<\s*/Size (?<size>\d+)\s*/Root (?<root>\d+) 0 R(\s*/Info (?<info>\d+) 0 R)?", RegexOptions.CultureInvariant)]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"startxref\s+(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex StartXrefPattern();

    private static Regex CatalogPattern(int root) =>
        new($@"(?:^|\n){root} 0 obj\s*(<<[^>]*?/Type /Catalog(?:.|\n)*?)>>\s*endobj", RegexOptions.CultureInvariant);
}
