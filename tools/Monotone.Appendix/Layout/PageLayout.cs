using Monotone.Figures;
using SkiaSharp;

namespace Monotone.Appendix.Layout;

/// <summary>
/// Flows headings, paragraphs, formulas, figures and tables down A4 pages, as a
/// list of drawing steps per page, so that the page count is known before the
/// footers ("3 / 9") are drawn. Coordinates are points from the top-left corner.
/// </summary>
internal sealed class PageLayout
{
    public const float PageWidth = 595.28f;
    public const float PageHeight = 841.89f;
    public const float Margin = 72;
    public const float ContentWidth = PageWidth - (2 * Margin);
    private const float CellPad = 5;
    private const float RuleHeavy = 0.8f;
    private const float RuleLight = 0.4f;

    private readonly List<List<Action<SKCanvas>>> pages = [];
    private readonly List<OutlineEntry> outline = [];
    private float y;
    private int sections;

    public PageLayout() => NewPage();

    public IReadOnlyList<IReadOnlyList<Action<SKCanvas>>> Pages => pages;

    public IReadOnlyList<OutlineEntry> Outline => outline;

    private static float Bottom => PageHeight - Margin;

    public void NewPage()
    {
        pages.Add([]);
        y = Margin;
    }

    public void Space(float points) => y = Math.Min(y + points, Bottom);

    /// <summary>Starts a new page unless <paramref name="height"/> more points fit on this one.</summary>
    public void Reserve(float height)
    {
        if (y + height > Bottom && y > Margin)
        {
            NewPage();
        }
    }

    /// <summary>
    /// A heading with its own PDF destination and outline entry, kept with what
    /// follows it; sections (level 0) are numbered in order.
    /// </summary>
    public void Heading(string text, TextStyle style, string destination, int level)
    {
        if (level == 0)
        {
            text = $"{++sections}  {text}";
        }

        Reserve((style.Leading * 2) + 60);
        Space(level == 0 ? 8 : 4);
        float top = y;
        Add(canvas => canvas.DrawNamedDestinationAnnotation(new SKPoint(Margin, top), destination));
        outline.Add(new OutlineEntry(text, destination, level));
        Line(text, style, Margin);
        Space(level == 0 ? 3 : 1);
    }

    /// <summary>Word-wrapped text; a blank line in <paramref name="text"/> starts a new paragraph.</summary>
    public void Paragraph(string text, TextStyle style, float indent = 0, bool centered = false)
    {
        foreach (string paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            foreach (string line in Wrap(paragraph.Replace('\n', ' '), style, ContentWidth - indent))
            {
                float x = centered ? Margin + ((ContentWidth - style.Measure(line)) / 2) : Margin + indent;
                Line(line, style, x);
            }

            Space(style.Leading * 0.45f);
        }
    }

    /// <summary>A displayed formula, indented like a list item's continuation.</summary>
    public void Formula(string markup, TextStyle style, float indent)
    {
        Reserve(style.Leading * 1.3f);
        Space(style.Leading * 0.15f);
        float baseline = y + style.Size;
        float x = Margin + indent;
        Add(canvas => Draw(canvas, paint => FormulaText.Draw(canvas, markup, x, baseline, style, paint)));
        y += style.Leading * 1.15f;
    }

    /// <summary>The figure at its real size (4.5 × 3 in), drawn as vectors, with its numbered caption below.</summary>
    public void Figure(Figure figure, string caption)
    {
        var style = TextStyle.Caption;
        var captionLines = Wrap(caption, style, ContentWidth - 40);
        Reserve(Monotone.Figures.Figure.HeightPoints + 6 + (captionLines.Count * style.Leading));
        float left = Margin + ((ContentWidth - Monotone.Figures.Figure.WidthPoints) / 2), top = y;
        Add(canvas =>
        {
            canvas.Save();
            canvas.Translate(left, top);
            canvas.ClipRect(SKRect.Create(Monotone.Figures.Figure.WidthPoints, Monotone.Figures.Figure.HeightPoints));
            figure.Draw(canvas);
            canvas.Restore();
        });
        y += Monotone.Figures.Figure.HeightPoints + 6;
        foreach (string line in captionLines)
        {
            Line(line, style, Margin + ((ContentWidth - style.Measure(line)) / 2));
        }

        Space(10);
    }

    /// <summary>A table at its natural width, centred; on a page break the header repeats.</summary>
    public void Table(Table table)
    {
        var text = TextStyle.TableText;
        var header = TextStyle.TableHeader;
        float[] widths = [.. table.Columns.Select((c, i) => Math.Max(
            header.Measure(c.Header),
            table.Rows.Select(r => Style(c).Measure(r[i])).DefaultIfEmpty(0).Max()) + (2 * CellPad))];
        float left = Margin + Math.Max(0, (ContentWidth - widths.Sum()) / 2);
        float right = left + widths.Sum();

        Reserve((header.Leading * 3) + text.Leading);
        TableHeader(table, widths, left, right);
        foreach (var row in table.Rows)
        {
            if (y + text.Leading + RuleHeavy > Bottom)
            {
                Rule(left, right, RuleHeavy);
                NewPage();
                TableHeader(table, widths, left, right);
            }

            Cells(row, [.. table.Columns.Select(Style)], table.Columns, widths, left);
        }

        Space(2);
        Rule(left, right, RuleHeavy);
        Space(12);
    }

    private void TableHeader(Table table, float[] widths, float left, float right)
    {
        Rule(left, right, RuleHeavy);
        Space(2);
        Cells([.. table.Columns.Select(c => c.Header)], [.. table.Columns.Select(_ => TextStyle.TableHeader)], table.Columns, widths, left);
        Space(1);
        Rule(left, right, RuleLight);
        Space(2);
    }

    private void Cells(IReadOnlyList<string> cells, TextStyle[] styles, IReadOnlyList<Column> columns, float[] widths, float left)
    {
        float x = left;
        for (int i = 0; i < cells.Count; i++)
        {
            var style = styles[i];
            float cellX = columns[i].Numeric ? x + widths[i] - CellPad - style.Measure(cells[i]) : x + CellPad;
            Text(cells[i], style, cellX, y + style.Size);
            x += widths[i];
        }

        y += styles.Max(s => s.Leading);
    }

    private static TextStyle Style(Column column) => column.Mono ? TextStyle.Mono with { Size = 7.5f, Leading = TextStyle.TableText.Leading } : TextStyle.TableText;

    private void Rule(float left, float right, float width)
    {
        float at = y + (width / 2);
        Add(canvas =>
        {
            using var paint = new SKPaint { Color = SKColors.Black, IsStroke = true, StrokeWidth = width, IsAntialias = true };
            canvas.DrawLine(left, at, right, at, paint);
        });
        y += width;
    }

    private void Line(string text, TextStyle style, float x)
    {
        Reserve(style.Leading);
        Text(text, style, x, y + style.Size);
        y += style.Leading;
    }

    private void Text(string text, TextStyle style, float x, float baseline) =>
        Add(canvas => Draw(canvas, paint =>
        {
            using var font = style.Font();
            canvas.DrawText(text, x, baseline, SKTextAlign.Left, font, paint);
        }));

    private static void Draw(SKCanvas canvas, Action<SKPaint> draw)
    {
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        draw(paint);
    }

    private void Add(Action<SKCanvas> draw) => pages[^1].Add(draw);

    private static List<string> Wrap(string text, TextStyle style, float width)
    {
        var lines = new List<string>();
        string current = "";
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = current.Length == 0 ? word : current + " " + word;
            if (current.Length > 0 && style.Measure(candidate) > width)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = candidate;
            }
        }

        if (current.Length > 0)
        {
            lines.Add(current);
        }

        return lines;
    }
}

/// <summary>A bookmark: its title, the named destination it opens, and its depth (0 for a section).</summary>
internal sealed record OutlineEntry(string Title, string Destination, int Level);
