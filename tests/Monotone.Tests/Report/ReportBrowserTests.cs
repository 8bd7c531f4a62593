using Monotone.Figures;
using Monotone.Report;
using Monotone.Tests.Support;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Monotone.Tests.Report;

/// <summary>The report in a real headless browser (Debian's chromium): it loads cleanly, shows what it should, and draws.</summary>
public sealed class ReportBrowserTests
{
    [ChromiumFact]
    public void The_page_loads_without_console_messages_and_shows_every_label_and_figure()
    {
        using var folder = new TemporaryFolder();
        var models = SampleResults.Models(256, 1024);
        string page = folder.File("report.html");
        File.WriteAllBytes(page, ReportPage.Render(models, new FigureSettings(), ReportSamples.Metadata(models), ReportSamples.Stages));

        var (exitCode, dom, log) = Chromium.Run(page, "--dump-dom");

        Assert.Equal(0, exitCode);
        Assert.Empty(Chromium.ConsoleMessages(log));
        Assert.All(models, model => Assert.Contains($"<td class=\"nowrap\">{model.Label} *</td>", dom, StringComparison.Ordinal));
        // Parsed by the browser as SVG elements inside the page, with their text.
        Assert.Equal(7, dom.Split("<svg", StringSplitOptions.None).Length - 1);
        Assert.All(models, model => Assert.Matches($">\\s*{Regex.Escape(model.Label)}\\s*</text>", dom));
    }

    [ChromiumFact]
    public void The_console_check_sees_a_page_that_logs_an_error()
    {
        // The check above can fail: a page with a script error is seen as one.
        using var folder = new TemporaryFolder();
        string page = folder.File("broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><script>console.error('broken'); undefinedFunction();</script></body></html>");

        var (_, _, log) = Chromium.Run(page, "--dump-dom");

        Assert.Equal(2, Chromium.ConsoleMessages(log).Count);
    }

    [ChromiumFact]
    public void A_screenshot_shows_the_figures_in_their_colours()
    {
        using var folder = new TemporaryFolder();
        var models = SampleResults.Models(256);
        string page = folder.File("report.html");
        string screenshot = folder.File("report.png");
        File.WriteAllBytes(page, ReportPage.Render(models, new FigureSettings(), ReportSamples.Metadata(models), ReportSamples.Stages));

        var (exitCode, _, log) = Chromium.Run(page, "--window-size=1200,1800", $"--screenshot={screenshot}");

        Assert.True(exitCode == 0, log);
        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.NotNull(bitmap);
        Assert.Equal((1200, 1800), (bitmap.Width, bitmap.Height));
        var pixels = bitmap.Pixels;
        double inked = pixels.Count(p => p.Red < 128 && p.Green < 128 && p.Blue < 128) / (double)pixels.Length;
        Assert.InRange(inked, 0.005, 0.5);
        // The first two models' line colours (Paul Tol's bright #4477AA and #EE6677), drawn by the inline SVG.
        Assert.Contains(pixels, p => Near(p, 0x44, 0x77, 0xAA));
        Assert.Contains(pixels, p => Near(p, 0xEE, 0x66, 0x77));
    }

    private static bool Near(SKColor pixel, int red, int green, int blue) =>
        Math.Abs(pixel.Red - red) <= 6 && Math.Abs(pixel.Green - green) <= 6 && Math.Abs(pixel.Blue - blue) <= 6;
}
