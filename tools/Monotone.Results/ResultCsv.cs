using System.Globalization;
using System.Text;
using Monotone.Core;

namespace Monotone.Results;

/// <summary>The per-layer table of a result as CSV, for spreadsheets and pandas.</summary>
public static class ResultCsv
{
    /// <summary>The table's name, beside the result file it renders.</summary>
    public const string FileName = "monotonicity.csv";

    public const string Header =
        "layer,combinations,violations_count,total_absolute_error,total_relative_error,violation_rate,absolute_error,absolute_error_std,relative_error,relative_error_std";

    public static byte[] ToBytes(MonotonicityResult result)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var s in result.Layers)
        {
            text.AppendJoin(',', Fields(s)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>One layer's row, in <see cref="Header"/>'s order: integers as such, floats round-trippable ("R"), invariant culture.</summary>
    public static string[] Fields(LayerStats s) =>
    [
        Show(s.Layer),
        Show(s.Combinations),
        Show(s.ViolationsCount),
        Show(s.TotalAbsoluteError),
        Show(s.TotalRelativeError),
        Show(s.ViolationRate),
        Show(s.AbsoluteError),
        Show(s.AbsoluteErrorStd),
        Show(s.RelativeError),
        Show(s.RelativeErrorStd),
    ];

    private static string Show(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
