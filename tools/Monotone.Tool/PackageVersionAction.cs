using System.CommandLine;
using System.CommandLine.Invocation;
using Monotone.Core;

namespace Monotone.Tool;

/// <summary>
/// `dotnet monotone --version`: prints the package version the tool was built for (<see cref="PackageVersion"/>), the version `dotnet tool
/// list` shows, instead of System.CommandLine's default (the entry assembly's informational version,
/// the base version 0.1.0 on every commit).
/// </summary>
internal sealed class PackageVersionAction : SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(PackageVersion.Of(typeof(PackageVersionAction).Assembly));
        return (int)ExitCode.Success;
    }
}
