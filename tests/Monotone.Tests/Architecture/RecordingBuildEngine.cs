using System.Collections;
using Microsoft.Build.Framework;

namespace Monotone.Tests.Architecture;

/// <summary>The MSBuild host of a task run in-process: keeps the errors the task logs, ignores the rest.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<string> Errors { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.proj";

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add($"{e.File}: error {e.Code}: {e.Message}");

    public void LogWarningEvent(BuildWarningEventArgs e)
    {
    }

    public void LogMessageEvent(BuildMessageEventArgs e)
    {
    }

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("PlanPipeline builds no projects");
}
