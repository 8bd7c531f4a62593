using System.CommandLine;
using Monotone.Pipeline;

namespace Monotone.Tool.Commands;

/// <summary>
/// --only and --shard for <c>run</c>: which of the manifest's experiments to analyse, by name
/// (<see cref="ExperimentPlan.Only"/>) and then by shard of a job array (<see cref="Shard"/>).
/// </summary>
internal sealed class ExperimentSelectionOptions
{
    public Option<string[]> Only { get; } = SharedOptions.Several<string>(
        "--only",
        "Run only these models (label), experiments (label/sequence_length, label/sequence_length@variant) or variants (@variant, label@variant)");

    public Option<string?> Shard { get; } = new("--shard")
    {
        Description = "Take shard K of N (K/N) of the experiments, for a cluster job array sharing one folder",
    };

    public ExperimentSelectionOptions()
    {
        Shard.Validators.Add(r =>
        {
            try
            {
                Pipeline.Shard.Parse(r.GetValueOrDefault<string>() ?? "");
            }
            catch (FormatException e)
            {
                r.AddError(e.Message);
            }
        });
    }

    /// <summary>The manifest's experiments that --only names (all when absent), then this shard of them.</summary>
    /// <exception cref="UsageException">A name in --only matches no experiment.</exception>
    public IReadOnlyList<Experiment> Select(ParseResult parse, Manifest.Manifest manifest)
    {
        var selected = ExperimentPlan.Only(ExperimentPlan.From(manifest), parse.GetValue(Only) ?? []);
        return parse.GetValue(Shard) is { } text ? Pipeline.Shard.Parse(text).Select(selected) : selected;
    }
}
