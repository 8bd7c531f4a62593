using Microsoft.Build.Framework;
using MSBuildTask = Microsoft.Build.Utilities.Task;

namespace Monotone.Build.LibTorchSharp;

/// <summary>
/// Writes a copy of libLibTorchSharp.so that loads on GCC 12 C++ runtimes, after
/// <see cref="GlibcxxMarkerPatch"/> has shown the change is safe. The original, in the NuGet
/// cache, is only read. Where the build machine's libstdc++ already defines GLIBCXX_3.4.32,
/// <c>Mode="auto"</c> writes nothing.
/// </summary>
public sealed class PatchLibTorchSharp : MSBuildTask
{
    // This step's codes are here rather than in Monotone.Core's DiagnosticCodes (docs/errors.md lists
    // both): MSBuild loads this task assembly from its own folder with its one dependency beside it,
    // so it references no project of the tool.
    private const string LeftUnpatched = "MONO1001";
    private const string UnknownMode = "MONO1003";

    /// <summary>libLibTorchSharp.so as TorchSharp ships it.</summary>
    [Required]
    public string Library { get; set; } = "";

    /// <summary>Where the patched copy goes; removed when no copy is needed.</summary>
    [Required]
    public string Destination { get; set; } = "";

    /// <summary><c>auto</c>: only where this machine's libstdc++ lacks GLIBCXX_3.4.32; <c>always</c>: regardless (for a tool packed on a newer machine).</summary>
    public string Mode { get; set; } = "auto";

    [Output]
    public bool Patched { get; set; }

    public override bool Execute()
    {
        if (Mode is not ("auto" or "always"))
        {
            Log.LogError(null, UnknownMode, null, null, 0, 0, 0, 0, "MonotonePatchLibTorchSharp must be auto, always or never, not '{0}'", Mode);
            return false;
        }

        if (Mode == "auto" && RuntimeProvidesRequiredVersion(out string runtime))
        {
            Log.LogMessage(MessageImportance.Low, "{0} defines {1}; libLibTorchSharp.so is used as shipped", runtime, GlibcxxMarkerPatch.Required);
            Remove(Destination);
            return true;
        }

        var original = File.ReadAllBytes(Library);
        var decision = GlibcxxMarkerPatch.Inspect(original);
        switch (decision.Kind)
        {
            case PatchKind.NotNeeded:
                Log.LogMessage(MessageImportance.Low, "{0}: no patch needed: {1}", Library, decision.Reason);
                Remove(Destination);
                break;
            case PatchKind.Refused:
                Log.LogError(
                    null, LeftUnpatched, null, Library, 0, 0, 0, 0,
                    "libLibTorchSharp.so was left unpatched, so the torch engine will not load on this machine's C++ runtime: {0}. Build with -p:MonotonePatchLibTorchSharp=never to go on without the torch engine.",
                    decision.Reason);
                break;
            default:
                WriteAtomically(Destination, GlibcxxMarkerPatch.Apply(original, decision));
                Patched = true;
                Log.LogMessage(MessageImportance.Normal, "Wrote {0}: {1} rewritten to {2} ({3})", Destination, GlibcxxMarkerPatch.Required, GlibcxxMarkerPatch.Replacement, decision.Reason);
                break;
        }

        return !Log.HasLoggedErrors;
    }

    private bool RuntimeProvidesRequiredVersion(out string runtime)
    {
        runtime = CxxRuntime.LoadedPath() ?? "";
        try
        {
            return runtime.Length > 0 && CxxRuntime.Defines(runtime, GlibcxxMarkerPatch.Required);
        }
        catch (InvalidDataException e)
        {
            Log.LogMessage(MessageImportance.Normal, "Could not read the versions of {0} ({1}); patching to be safe", runtime, e.Message);
            return false;
        }
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    private static void Remove(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
