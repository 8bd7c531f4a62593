using SkiaSharp;

namespace Monotone.Appendix.Layout;

/// <summary>
/// One line of text with <c>_{…}</c> subscripts and <c>^{…}</c> superscripts,
/// enough for the method's formulas without a math typesetter.
/// </summary>
internal static class FormulaText
{
    private const float ScriptScale = 0.7f;

    public static float Measure(string markup, TextStyle style) => Runs(markup, style).Sum(r => r.Style.Measure(r.Text));

    public static void Draw(SKCanvas canvas, string markup, float x, float baseline, TextStyle style, SKPaint paint)
    {
        foreach (var run in Runs(markup, style))
        {
            using var font = run.Style.Font();
            canvas.DrawText(run.Text, x, baseline + run.Shift, SKTextAlign.Left, font, paint);
            x += font.MeasureText(run.Text);
        }
    }

    private static List<(string Text, TextStyle Style, float Shift)> Runs(string markup, TextStyle style)
    {
        var runs = new List<(string, TextStyle, float)>();
        var script = style with { Size = style.Size * ScriptScale };
        int start = 0;
        for (int i = 0; i < markup.Length; i++)
        {
            if (markup[i] is not ('_' or '^') || i + 1 >= markup.Length || markup[i + 1] != '{')
            {
                continue;
            }

            int close = markup.IndexOf('}', i + 2);
            if (close < 0)
            {
                break;
            }

            runs.Add((markup[start..i], style, 0));
            float shift = markup[i] == '_' ? 0.22f * style.Size : -0.38f * style.Size;
            runs.Add((markup[(i + 2)..close], script, shift));
            start = close + 1;
            i = close;
        }

        runs.Add((markup[start..], style, 0));
        return [.. runs.Where(r => r.Item1.Length > 0)];
    }
}
