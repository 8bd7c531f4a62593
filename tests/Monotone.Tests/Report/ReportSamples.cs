using Monotone.Appendix;
using Monotone.Appendix.Provenance;
using Monotone.Figures;
using Monotone.Report;
using Monotone.Tests.Support;

namespace Monotone.Tests.Report;

/// <summary>Report pages drawn from <see cref="SampleResults"/>, shared by the report's tests.</summary>
internal static class ReportSamples
{
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    public static readonly IReadOnlyList<StageState> Stages =
    [
        new("analysis", "mpt-7b/256", true, "result matches its input and options"),
        new("figures", "paper/figures/violation_rate.svg", false, "differs from a render of the results"),
    ];

    public static AppendixMetadata Metadata(IReadOnlyList<ModelSeries> models) =>
        new("A study of <b>monotone</b> attention", ["Ada", "Grace"], "First paragraph.\n\nSecond paragraph.")
        {
            Origins = new ResultOrigins(models.SelectMany(m => m.Results.Select(r => KeyValuePair.Create(
                r, new ResultOrigin($"{m.Label}_dir/{ModelSeries.LengthOf(r)}/attention_probs_mean.pt", Commit))))),
        };

    public static string Html(IReadOnlyList<ModelSeries> models) =>
        System.Text.Encoding.UTF8.GetString(ReportPage.Render(models, new FigureSettings(), Metadata(models), Stages));
}
