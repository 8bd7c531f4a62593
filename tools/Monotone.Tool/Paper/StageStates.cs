using Monotone.Figures;
using Monotone.Pipeline;
using Monotone.Report;

namespace Monotone.Tool.Paper;

/// <summary>
/// Each stage's state for the report, taken when the report's bytes are made: every
/// experiment's analysis (the same check as <c>dotnet monotone status</c>), every figure, and
/// the appendix's files.
/// </summary>
internal static class StageStates
{
    /// <param name="appendix">The appendix layer's other files (PDF, LaTeX), checked against their renders.</param>
    public static IReadOnlyList<StageState> Of(PaperInputs inputs, IReadOnlyList<PlannedFile> appendix)
    {
        var checker = new StatusChecker(inputs.Manifest);
        var states = new List<StageState>();
        foreach (var experiment in ExperimentPlan.From(inputs.Manifest))
        {
            var status = checker.Status(experiment);
            string detail = status.Fresh
                ? status.InputAbsent ? "kept: its input is not on this machine" : "result matches its input and options"
                : string.Join("; ", status.Reasons);
            states.Add(new StageState("analysis", experiment.Key, status.Fresh, detail));
        }

        // A figure's three files come from one drawing in one write; its SVG stands for all three.
        foreach (var file in PaperFiles.Figures(inputs).Where(f => f.Path.EndsWith(".svg", StringComparison.Ordinal)))
        {
            states.Add(File("figures", inputs, file));
        }

        states.AddRange(appendix.Select(file => File("appendix", inputs, file)));
        return states;
    }

    private static StageState File(string stage, PaperInputs inputs, PlannedFile file)
    {
        string name = Path.GetRelativePath(inputs.Manifest.Folder, file.Path).Replace(Path.DirectorySeparatorChar, '/');
        bool exists = System.IO.File.Exists(file.Path);
        bool current = exists && file.IsCurrent();
        return new StageState(stage, name, current, current ? "equals a render of the results" : exists ? "differs from a render of the results" : "not written yet");
    }
}
