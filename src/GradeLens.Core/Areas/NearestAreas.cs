using GradeLens.Core.Models;

namespace GradeLens.Core.Areas;

/// <summary>A real area-year near a what-if input: its distance in standard deviations, its measures and its actual scores.</summary>
public sealed record NearestAreaYear(
    string Area,
    string? ParentArea,
    int Year,
    double Distance,
    IReadOnlyDictionary<string, double> Measures,
    IReadOnlyDictionary<string, double> Scores);

/// <summary>
/// The area-years whose figures are closest to an input: Euclidean distance after each measure is turned into a
/// z-score (minus the mean, over the population standard deviation, both over the area-years that have every measure),
/// so an income in dollars does not drown a rate in percent. Ties go to the earlier area name, then year.
/// </summary>
public static class NearestAreas
{
    public static IReadOnlyList<NearestAreaYear> Find(AreaPanel panel, IReadOnlyDictionary<string, double> input, IReadOnlyList<string> measures, int count = 5) =>
        Index(panel, measures).Find(input, count);

    /// <summary>The panel's complete rows with the measures' means and scales, prepared once for many searches (the what-if API).</summary>
    public static NearestAreaIndex Index(AreaPanel panel, IReadOnlyList<string> measures)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(measures);
        return new NearestAreaIndex(panel, measures);
    }
}

/// <summary>The search of <see cref="NearestAreas"/> over one panel and set of measures: one pass over the rows per input.</summary>
public sealed class NearestAreaIndex
{
    private readonly AreaPanel _panel;
    private readonly IReadOnlyList<string> _measures;
    private readonly int[] _rows;
    private readonly FeatureMatrix? _x;
    private readonly double[] _scales = [];

    internal NearestAreaIndex(AreaPanel panel, IReadOnlyList<string> measures)
    {
        _panel = panel;
        _measures = [.. measures];
        _rows = panel.CompleteRows(measures, null);
        if (_rows.Length > 0)
        {
            _x = panel.Features(measures);
            (_, _scales) = _x.Subset(_rows).ColumnMoments();
        }
    }

    public IReadOnlyList<NearestAreaYear> Find(IReadOnlyDictionary<string, double> input, int count = 5)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (_x is not { } x)
        {
            return [];
        }

        var panel = _panel;
        var target = _measures.Select(m => input.TryGetValue(m, out var v) && double.IsFinite(v)
            ? v
            : throw new ArgumentException($"The input has no finite {m}.", nameof(input))).ToArray();

        // Keep the nearest `count` in a small sorted list: one pass, whatever the number of rows.
        var nearest = new List<(double Distance, int Row)>(count + 1);
        foreach (var i in _rows)
        {
            var row = x.Row(i);
            var squared = 0.0;
            for (var j = 0; j < target.Length; j++)
            {
                var d = (row[j] - target[j]) / _scales[j];
                squared += d * d;
            }

            if (nearest.Count == count && !Before((squared, i), nearest[^1], panel))
            {
                continue;
            }

            var at = nearest.FindIndex(n => Before((squared, i), n, panel));
            nearest.Insert(at < 0 ? nearest.Count : at, (squared, i));
            if (nearest.Count > count)
            {
                nearest.RemoveAt(count);
            }
        }

        return [.. nearest.Select(n => new NearestAreaYear(
            panel.Areas[n.Row], panel.Parents[n.Row], panel.Years[n.Row], Math.Sqrt(n.Distance),
            _measures.Select((m, j) => (m, x[n.Row, j])).ToDictionary(p => p.m, p => p.Item2, StringComparer.Ordinal),
            Scores(panel, n.Row)))];
    }

    private static bool Before((double Distance, int Row) a, (double Distance, int Row) b, AreaPanel panel)
    {
        if (a.Distance != b.Distance)
        {
            return a.Distance < b.Distance;
        }

        var byName = string.CompareOrdinal(panel.Areas[a.Row], panel.Areas[b.Row]);
        return byName != 0 ? byName < 0 : panel.Years[a.Row] < panel.Years[b.Row];
    }

    private static Dictionary<string, double> Scores(AreaPanel panel, int row)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < panel.ScoreNames.Count; k++)
        {
            if (!double.IsNaN(panel.Score(row, k)))
            {
                scores[panel.ScoreNames[k]] = panel.Score(row, k);
            }
        }

        return scores;
    }
}
