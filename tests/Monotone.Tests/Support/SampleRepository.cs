namespace Monotone.Tests.Support;

/// <summary>
/// A small repository in a temporary folder that imports the real
/// build/Monotone.targets and runs the real `dotnet build`, with the tool and
/// tasks this test run was built with.
/// </summary>
public sealed class SampleRepository : IDisposable
{
    private readonly SampleStudy study;

    public SampleRepository(string manifest)
    {
        study = new SampleStudy(manifest);
        string repository = RepositoryRoot.Path;
        File.WriteAllText(Path.Combine(Folder, "Sample.csproj"), $"""
            <Project Sdk="Microsoft.Build.NoTargets/3.7.0">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <MonotoneManifest>$(MSBuildProjectDirectory)/experiments.yaml</MonotoneManifest>
                <MonotoneToolDll>{repository}/tools/Monotone.Tool/bin/{DotnetCli.Configuration}/net10.0/dotnet-monotone.dll</MonotoneToolDll>
                <MonotoneTasksDll>{repository}/build/Monotone.Build/bin/{DotnetCli.Configuration}/net10.0/Monotone.Build.dll</MonotoneTasksDll>
              </PropertyGroup>
              <Import Project="{repository}/build/Monotone.targets" />
            </Project>
            """);
    }

    public string Folder => study.Folder;

    public string Result(string label, int n) => study.Result(label, n);

    public void WriteManifest(string text) => study.WriteManifest(text);

    /// <summary>Runs `dotnet build` (or another command) on the sample and returns its exit code and log.</summary>
    public (int ExitCode, string Log) Dotnet(params string[] args) => DotnetCli.Run(Folder, null, [.. args, .. DotnetCli.BuildOptions]);

    public void Dispose() => study.Dispose();
}
