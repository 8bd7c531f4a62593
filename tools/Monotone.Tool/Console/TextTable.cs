namespace Monotone.Tool.Console;

/// <summary>A plain table for standard output: columns padded to their widest cell, two spaces apart, no trailing blanks.</summary>
internal static class TextTable
{
    /// <param name="rows">Each row has one cell per header column.</param>
    public static void Write(TextWriter writer, IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var widths = header.Select((h, c) => rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            writer.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }
}
