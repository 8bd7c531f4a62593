using Monotone.Core;

namespace Monotone.Tool.Console;

/// <summary>
/// Shows per-layer progress: redrawn in place on a terminal, one plain line per
/// layer in CI logs and redirected output. Disposing it ends a line left open on a terminal
/// (an analysis that failed midway), so that the error that follows starts a line of its own.
/// </summary>
internal sealed class LayerProgressWriter(ToolConsole console, string label) : IProgress<LayerProgress>, IDisposable
{
    private bool lineOpen;

    public void Report(LayerProgress value)
    {
        string line = $"{label}: layer {value.LayersDone}/{value.Layers}";
        if (console.Interactive)
        {
            console.Error.Write($"\r{line}");
            lineOpen = value.LayersDone != value.Layers;
            if (!lineOpen)
            {
                console.Error.WriteLine();
            }
        }
        else
        {
            console.Error.WriteLine(line);
        }
    }

    public void Dispose()
    {
        if (lineOpen)
        {
            console.Error.WriteLine();
            lineOpen = false;
        }
    }
}
