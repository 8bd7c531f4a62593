using Monotone.Core;
using Monotone.TensorInput.Synthetic;

namespace Monotone.Pipeline;

/// <summary>
/// How a result file describes its input (<c>input.format</c> for synthetic data, and
/// <c>input.path</c>), so that what the manifest asks for now can be compared with what a
/// committed result was computed from.
/// </summary>
internal static class RecordedInput
{
    /// <summary>
    /// The <c>input.path</c> a result of this experiment records: a synthetic source's name;
    /// for a file, its path relative to the repository, or <c>{root}/...</c> under the data
    /// root, so committed results never name one machine's folders.
    /// </summary>
    public static string PathOf(Manifest.Manifest manifest, Experiment experiment)
    {
        if (experiment.Input is SyntheticInput s)
        {
            return StatusChecker.Synthetic(s).Path;
        }

        var file = (FileInput)experiment.Input;
        string inside = Path.GetRelativePath(manifest.Folder, file.Path);
        if (!inside.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(inside))
        {
            return inside.Replace('\\', '/');
        }

        string root = experiment.Model.Settings.Root;
        string underRoot = root.Length > 0 ? Path.GetRelativePath(Path.GetFullPath(root, manifest.Folder), file.Path) : "..";
        return underRoot.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(underRoot) ? file.Path : $"{{root}}/{underRoot.Replace('\\', '/')}";
    }

    /// <summary>"synthetic" or "files": the manifest's <c>data.source</c> a result's <c>input.format</c> implies.</summary>
    public static string SourceOf(string format) => format == SyntheticFormat ? "synthetic" : "files";

    public static string SourceOf(Experiment experiment) => experiment.Input is SyntheticInput ? "synthetic" : "files";

    private static readonly string SyntheticFormat = InputFormat.Synthetic.Spelling();
}
