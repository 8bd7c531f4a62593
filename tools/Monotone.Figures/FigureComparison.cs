namespace Monotone.Figures;

/// <summary>
/// The figures whose plotted values differ between two sets of results (two revisions, for
/// <c>dotnet monotone diff --plots</c>): each is <see cref="FigureSet"/>'s figure of the newer
/// results with the older values dashed beside the new, in the same model colours.
/// </summary>
public static class FigureComparison
{
    /// <summary>What the older side's lines are called in the legend: the model's label and this.</summary>
    public const string OlderSuffix = " (old)";

    /// <param name="older">The older revision's results, in manifest order (models may have none).</param>
    /// <param name="newer">The newer revision's results, in the same order.</param>
    /// <param name="same">Whether an older and a newer plotted value count as equal (the diff's tolerances).</param>
    /// <returns>
    /// The figures that changed, named as <see cref="FigureSet"/> names them: first in the newer set's order,
    /// then those only the older set has (their lines all dashed). Empty when nothing plotted changed.
    /// </returns>
    /// <exception cref="ArgumentException">A model has two results at one sequence length.</exception>
    public static IReadOnlyList<Figure> Plan(
        IReadOnlyList<ModelSeries> older, IReadOnlyList<ModelSeries> newer, FigureSettings settings, Func<double, double, bool> same)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(same);

        // Both sides name their figures from one primary length where each has it, so they pair up.
        int? primary = settings.PrimarySequenceLength
            ?? newer.SelectMany(m => m.SequenceLengths).Cast<int?>().FirstOrDefault()
            ?? older.SelectMany(m => m.SequenceLengths).Cast<int?>().FirstOrDefault();
        FigureSettings For(IReadOnlyList<ModelSeries> models) => settings with
        {
            PrimarySequenceLength = primary is int p && models.Any(m => m.At(p) is not null) ? p : null,
        };

        var newFigures = FigureSet.Plan(newer, For(newer));
        var oldFigures = FigureSet.Plan(older, For(older)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var changed = new List<Figure>();
        foreach (var figure in newFigures)
        {
            oldFigures.Remove(figure.Name, out var old);
            if (old is null || !SameCurves(old.Chart, figure.Chart, same))
            {
                changed.Add(Beside(figure, old, same));
            }
        }

        changed.AddRange(oldFigures.Values.Select(old => Beside(null, old, same)));
        return changed;
    }

    /// <summary>The newer figure with the older lines that differ from it dashed beside; a model whose line is the same is drawn once.</summary>
    private static Figure Beside(Figure? newer, Figure? older, Func<double, double, bool> same)
    {
        var shown = newer ?? older!;
        Curve[] dashed = older is null
            ? []
            : [.. older.Chart.Curves
                .Where(old => newer?.Chart.Curves.FirstOrDefault(c => c.Label == old.Label) is not { } now || !SameCurve(old, now, same))
                .Select(c => c with { Label = c.Label + OlderSuffix, Band = null, Dash = LineDashes.Older })];
        var chart = shown.Chart with { Curves = [.. newer?.Chart.Curves ?? [], .. dashed] };
        string caption = newer is null
            ? $"{older!.Caption} Only the older revision has this figure; its lines are dashed."
            : older is null
                ? $"{newer.Caption} Only the newer revision has this figure."
                : $"{newer.Caption} Dashed: the older revision's values.";
        return new Figure(shown.Name, caption, chart);
    }

    private static bool SameCurves(Chart older, Chart newer, Func<double, double, bool> same) =>
        older.Curves.Count == newer.Curves.Count
        && older.Curves.Zip(newer.Curves).All(pair => SameCurve(pair.First, pair.Second, same));

    private static bool SameCurve(Curve older, Curve newer, Func<double, double, bool> same) =>
        older.Label == newer.Label
        && older.X.SequenceEqual(newer.X)
        && Close(older.Y, newer.Y, same)
        && (older.Band is null ? newer.Band is null : newer.Band is not null && Close(older.Band, newer.Band, same));

    private static bool Close(double[] older, double[] newer, Func<double, double, bool> same) =>
        older.Length == newer.Length && older.Zip(newer).All(pair => same(pair.First, pair.Second));
}
