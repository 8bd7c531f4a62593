using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Monotone.Core;

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

    /// <summary>True when <see cref="Arguments"/> is `tool run dotnet-monotone ...`: the tool comes from the repository's tool manifest.</summary>
    public bool LocalTool { get; set; }

    /// <summary>The tool manifest the build found above the project (empty: none), for the MONO1014 a failed local tool gets.</summary>
    public string ToolManifest { get; set; } = "";

    /// <summary>NuGet's global packages folder (NuGetPackageRoot), where `dotnet tool restore` puts the local tool.</summary>
    public string PackageRoot { get; set; } = "";

    protected override string ToolName => Path.GetFileName(Host);

    // Tool output is UTF-8 whatever the build machine's locale.
    protected override System.Text.Encoding StandardOutputEncoding => System.Text.Encoding.UTF8;

    protected override System.Text.Encoding StandardErrorEncoding => System.Text.Encoding.UTF8;

    protected override string GenerateFullPathToTool() => Host;

    protected override string GenerateCommandLineCommands() => Arguments;

    protected override string? GetWorkingDirectory() => WorkingDirectory.Length > 0 ? WorkingDirectory : null;

    /// <summary>
    /// A local tool that could not start (not installed, not restored) fails with MONO1014 and the
    /// command that fixes it, instead of dotnet's message and MSB6006 ("dotnet" exited with code 1).
    /// A failure that logged its own errors, or of a tool that is there, stays as it is.
    /// </summary>
    protected override bool HandleTaskExecutionErrors()
    {
        if (LocalTool && !Log.HasLoggedErrors && LocalToolInstallation.Problem(ToolManifest, PackageRoot) is { } problem)
        {
            string file = File.Exists(ToolManifest) ? ToolManifest : BuildEngine.ProjectFileOfTaskNode;
            Log.LogError(null, DiagnosticCodes.Build.ToolNotInstalled, null, file, 0, 0, 0, 0, "{0}", problem);
            return false;
        }

        return base.HandleTaskExecutionErrors();
    }

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
