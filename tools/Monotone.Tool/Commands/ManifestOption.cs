using System.CommandLine;
using Monotone.Core;
using Monotone.Manifest;

namespace Monotone.Tool.Commands;

/// <summary>--manifest, shared by every command that works from experiments.yaml.</summary>
internal sealed class ManifestOption
{
    public const string DefaultPath = "experiments.yaml";

    public Option<string> Option { get; } = new("--manifest", "-m")
    {
        Description = "The experiments manifest",
        DefaultValueFactory = _ => DefaultPath,
    };

    public Manifest.Manifest Read(ParseResult parse) =>
        ManifestReader.Read(parse.GetValue(Option)!, Monotone.Core.EngineKinds.Names);
}
