using GradeLens.Core.Gaps;
using GradeLens.Core.Models;

namespace GradeLens.Core.Areas;

/// <summary>
/// One measure against one score over the area-years that have both: Pearson's r with its 95% Fisher-z interval and
/// p, Spearman's rho with its p, and the Benjamini-Hochberg q of Pearson's p across the whole table. The figures are
/// null, with <see cref="Reason"/>, when they cannot be computed (fewer than 4 area-years, or a constant column).
/// </summary>
public sealed record AreaCorrelation(
    string Measure,
    string Score,
    int N,
    double? R,
    double? Lower,
    double? Upper,
    double? P,
    double? Q,
    double? Rho,
    double? RhoP,
    string? Reason);

/// <summary>The correlation table of the Areas page: every measure with every score.</summary>
public static class AreaCorrelations
{
    /// <param name="measures">The measures (rows of the table); null for all of the panel's.</param>
    /// <param name="scores">The scores (columns); null for all of the panel's.</param>
    public static IReadOnlyList<AreaCorrelation> Compute(AreaPanel panel, IReadOnlyList<string>? measures = null, IReadOnlyList<string>? scores = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var cells = new List<AreaCorrelation>();
        foreach (var measure in measures ?? panel.MeasureNames)
        {
            var m = panel.MeasureIndex(measure);
            foreach (var score in scores ?? panel.ScoreNames)
            {
                var rows = panel.CompleteRows([measure], score);
                var k = panel.ScoreIndex(score);
                cells.Add(Cell(measure, score, [.. rows.Select(i => panel.Measure(i, m))], [.. rows.Select(i => panel.Score(i, k))]));
            }
        }

        var tested = cells.Select((c, i) => (c, i)).Where(t => t.c.P is not null).ToList();
        var q = BenjaminiHochberg.QValues([.. tested.Select(t => t.c.P!.Value)]);
        for (var t = 0; t < tested.Count; t++)
        {
            cells[tested[t].i] = tested[t].c with { Q = q[t] };
        }

        return cells;
    }

    private static AreaCorrelation Cell(string measure, string score, double[] x, double[] y)
    {
        var n = x.Length;
        if (n < 4)
        {
            return Refused(measure, score, n, $"{n} area-years have both {measure} and {score}; a correlation needs at least 4.");
        }

        if (IsConstant(x) || IsConstant(y))
        {
            return Refused(measure, score, n, $"{(IsConstant(x) ? measure : score)} does not vary over these {n} area-years.");
        }

        var pearson = Correlation.Pearson(x, y);
        var spearman = RankCorrelation.Spearman(x, y);
        return new AreaCorrelation(measure, score, n, pearson.R, pearson.Lower, pearson.Upper, pearson.P, null, spearman?.Rho, spearman?.P, null);
    }

    private static AreaCorrelation Refused(string measure, string score, int n, string reason) =>
        new(measure, score, n, null, null, null, null, null, null, null, reason);

    private static bool IsConstant(double[] values) => values.All(v => v == values[0]);
}
