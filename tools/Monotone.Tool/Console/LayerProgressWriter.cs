using Monotone.Core;

namespace Monotone.Tool.Console;

/// <summary>
/// Shows per-layer progress: redrawn in place on a terminal, one plain line per
/// layer in CI logs and redirected output.
/// </summary>
internal sealed class LayerProgressWriter(ToolConsole console, string label) : IProgress<LayerProgress>
{
    public void Report(LayerProgress value)
    {
        string line = $"{label}: layer {value.LayersDone}/{value.Layers}";
        if (console.Interactive)
        {
            console.Error.Write($"\r{line}");
            if (value.LayersDone == value.Layers)
            {
                console.Error.WriteLine();
            }
        }
        else
        {
            console.Error.WriteLine(line);
        }
    }
}
