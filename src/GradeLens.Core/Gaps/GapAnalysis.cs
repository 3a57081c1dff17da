using Entry = GradeLens.Core.Gaps.CellSuppression.Entry;

namespace GradeLens.Core.Gaps;

/// <summary>
/// Turns the store's group aggregates into the gaps table: suppression first (so nothing under the minimum cell
/// size reaches a figure, a test or a pooled "rest"), then per cell the figures and each gap with its tests, then
/// Benjamini-Hochberg over every Welch test of the table together.
/// </summary>
public static class GapAnalysis
{
    public const double DefaultAlpha = 0.05;

    /// <summary>The minimum cell size that applies: the request's, but never below an aggregates-only scope's own.</summary>
    public static int MinimumCellSize(Storage.Scope scope, GapRequest request)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        var asked = request.MinimumCellSize ?? scope.MinimumCellSize;
        return scope.AggregatesOnly ? Math.Max(asked, scope.MinimumCellSize) : asked;
    }

    public static GapTable Compute(GroupAggregates aggregates, GapRequest request, int minimumCellSize, double alpha = DefaultAlpha)
    {
        ArgumentNullException.ThrowIfNull(aggregates);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumCellSize);

        var cells = aggregates.Groups.GroupBy(g => g.Cell)
            .ToDictionary(g => g.Key, g => g.OrderBy(x => x.Group, StringComparer.Ordinal).ToList());
        var totals = cells.ToDictionary(c => c.Key, c => GroupSummary.Pool(c.Value.Select(g => g.Summary)));
        var counts = new Dictionary<Entry, long>();
        foreach (var (cell, groups) in cells)
        {
            counts[new Entry(cell, null)] = totals[cell].N;
            foreach (var group in groups)
            {
                counts[new Entry(cell, group.Group)] = group.Summary.N;
            }
        }

        var suppressed = CellSuppression.Apply(counts, minimumCellSize);
        var figures = new List<CellFigures>();
        var gaps = new List<GapRow>();
        foreach (var (cell, groups) in cells.OrderBy(c => c.Key, CellOrder.Instance))
        {
            figures.Add(Figures(cell, totals[cell], suppressed.Contains(new Entry(cell, null))));
            var shown = groups.Where(g => g.Group != GapRequest.Unknown && !suppressed.Contains(new Entry(cell, g.Group))).ToList();
            gaps.AddRange(Comparisons(aggregates.Attribute, cell, shown));
        }

        var tested = gaps.Select((g, i) => (g, i)).Where(x => x.g.P is not null).ToList();
        var q = BenjaminiHochberg.QValues(tested.Select(x => x.g.P!.Value).ToList());
        for (var k = 0; k < tested.Count; k++)
        {
            gaps[tested[k].i] = tested[k].g with { Q = q[k], Significant = q[k] <= alpha };
        }

        return new GapTable(
            aggregates.Attribute,
            aggregates.Attributes,
            [.. request.Dimensions.Select(DimensionName)],
            minimumCellSize,
            alpha,
            aggregates.Proficiency,
            figures,
            gaps,
            SuppressedCells: figures.Count(f => f.Suppressed),
            SuppressedGroups: suppressed.Count(e => e.Group is not null && !suppressed.Contains(new Entry(e.Cell, null))));
    }

    public static string DimensionName(GapDimension dimension) => dimension switch
    {
        GapDimension.Region => "region",
        GapDimension.School => "school",
        GapDimension.GradeLevel => "grade_level",
        _ => "domain",
    };

    private static CellFigures Figures(CellKey cell, GroupSummary total, bool suppressed)
    {
        if (suppressed)
        {
            return new CellFigures(cell.Series, cell.Subject, cell.Domain, cell.Region, cell.School, cell.GradeLevel, true, null, null, null, null, null, null, null);
        }

        var interval = total.MeanInterval();
        return new CellFigures(cell.Series, cell.Subject, cell.Domain, cell.Region, cell.School, cell.GradeLevel, false,
            total.N, total.Mean, total.StandardDeviation, total.N > 1 ? total.StandardError : null,
            interval?.Lower, interval?.Upper, total.PercentBelow);
    }

    /// <summary>Two groups: the first against the second. More: each against the rest pooled. Only shown groups take part.</summary>
    private static IEnumerable<GapRow> Comparisons(string attribute, CellKey cell, IReadOnlyList<GroupAggregate> shown)
    {
        if (shown.Count < 2)
        {
            yield break;
        }

        if (shown.Count == 2)
        {
            yield return Gap(attribute, cell, shown[0].Group, shown[0].Summary, shown[1].Group, shown[1].Summary);
            yield break;
        }

        foreach (var group in shown)
        {
            var rest = GroupSummary.Pool(shown.Where(g => g != group).Select(g => g.Summary));
            yield return Gap(attribute, cell, group.Group, group.Summary, "rest", rest);
        }
    }

    private static GapRow Gap(string attribute, CellKey cell, string groupName, GroupSummary a, string comparison, GroupSummary b)
    {
        var welch = WelchTest.Compute(a, b);
        var proportion = ProportionTest.Compute(a, b);
        var g = HedgesG.Compute(a, b);
        var half = welch is null ? (double?)null : GroupSummary.T975(welch.DegreesOfFreedom) * Math.Sqrt(a.Variance / a.N + b.Variance / b.N);
        return new GapRow(cell.Series, cell.Subject, cell.Domain, cell.Region, cell.School, cell.GradeLevel,
            attribute, groupName, comparison, a.N, b.N, a.Mean, b.Mean, a.Mean - b.Mean, a.Mean - b.Mean - half, a.Mean - b.Mean + half,
            a.PercentBelow, b.PercentBelow, a.PercentBelow - b.PercentBelow,
            welch?.T, welch?.DegreesOfFreedom, welch?.P, proportion?.Z, proportion?.P,
            g?.G, g?.Lower, g?.Upper, null, false);
    }

    /// <summary>Subject, series, domain; then totals before their parts (national, region, region x grade...), names in order.</summary>
    private sealed class CellOrder : IComparer<CellKey>
    {
        public static CellOrder Instance { get; } = new();

        public int Compare(CellKey? x, CellKey? y)
        {
            if (x is null || y is null)
            {
                return x is null ? (y is null ? 0 : -1) : 1;
            }

            return Compare(x.Subject, y.Subject) is var c1 && c1 != 0 ? c1
                : Compare(x.Series, y.Series) is var c2 && c2 != 0 ? c2
                : Compare(x.Domain, y.Domain) is var c3 && c3 != 0 ? c3
                : Depth(x).CompareTo(Depth(y)) is var c4 && c4 != 0 ? c4
                : Compare(x.Region, y.Region) is var c5 && c5 != 0 ? c5
                : Compare(x.School, y.School) is var c6 && c6 != 0 ? c6
                : Compare(x.GradeLevel, y.GradeLevel);
        }

        private static int Depth(CellKey cell) => (cell.Region is null ? 0 : 1) + (cell.School is null ? 0 : 1) + (cell.GradeLevel is null ? 0 : 1);

        private static int Compare(string? x, string? y) =>
            x is null || y is null ? (x is null ? (y is null ? 0 : -1) : 1) : CompareNatural(x, y);

        /// <summary>"Grade 2" before "Grade 10": numbers compare as numbers.</summary>
        private static int CompareNatural(string x, string y) =>
            double.TryParse(x, System.Globalization.CultureInfo.InvariantCulture, out var a) && double.TryParse(y, System.Globalization.CultureInfo.InvariantCulture, out var b)
                ? a.CompareTo(b)
                : string.CompareOrdinal(x, y);
    }
}
