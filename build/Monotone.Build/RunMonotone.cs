using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Monotone.Build;

/// <summary>
/// Runs one `dotnet monotone` command and maps its output to MSBuild importances, so the
/// build log carries one line per experiment at normal verbosity and per-layer progress only
/// at detailed verbosity. Lines in the canonical form (<c>file(line,col): error MONOnnn: ...</c>)
/// become real errors and warnings. Exec logs every line at one importance, hence a ToolTask.
/// </summary>
public sealed partial class RunMonotone : ToolTask
{
    /// <summary>The program to start: the `dotnet` host (DOTNET_HOST_PATH in a build).</summary>
    [Required]
    public string Host { get; set; } = "";

    /// <summary>The command line after the host: `exec path/dotnet-monotone.dll run ...` or `tool run dotnet-monotone run ...`.</summary>
    [Required]
    public string Arguments { get; set; } = "";

    /// <summary>Where the tool runs: the project's folder, where `dotnet tool run` finds the tool manifest.</summary>
    public string WorkingDirectory { get; set; } = "";

    protected override string ToolName => Path.GetFileName(Host);

    // Tool output is UTF-8 whatever the build machine's locale.
    protected override System.Text.Encoding StandardOutputEncoding => System.Text.Encoding.UTF8;

    protected override System.Text.Encoding StandardErrorEncoding => System.Text.Encoding.UTF8;

    protected override string GenerateFullPathToTool() => Host;

    protected override string GenerateCommandLineCommands() => Arguments;

    protected override string? GetWorkingDirectory() => WorkingDirectory.Length > 0 ? WorkingDirectory : null;

    protected override void LogEventsFromTextOutput(string singleLine, MessageImportance messageImportance) =>
        Log.LogMessageFromText(singleLine, Importance(singleLine));

    /// <summary>
    /// Per-layer lines (the tool's PlainRunObserver.LayerDone: "key: layer i/L") and what was
    /// found fresh ("key: fresh", "monotone: figures: fresh") are detail; everything else (started
    /// and why, done with its time, each stage made) is for a normal-verbosity log and a CI page,
    /// so the log names only what ran, as when MSBuild passed only the stale experiments.
    /// </summary>
    public static MessageImportance Importance(string line) =>
        DetailLine().IsMatch(line) ? MessageImportance.Low : MessageImportance.High;

    [GeneratedRegex(@": (layer \d+/\d+|fresh( \(.*\))?)$", RegexOptions.CultureInvariant)]
    private static partial Regex DetailLine();
}
