using GradeLens.Core.Gaps;
using Entry = GradeLens.Core.Gaps.CellSuppression.Entry;

namespace GradeLens.Core.Explore;

/// <summary>A cell of the two-attribute heatmap; A or B null for a total over that attribute.</summary>
/// <param name="Suppressed">Too few students, or hidden so that another small cell cannot be worked out by subtraction: then every figure is null.</param>
/// <param name="Median">Shown cells only, and only when the store gave one (never for a total: a median does not pool).</param>
public sealed record HeatmapCell(string? A, string? B, bool Suppressed, long? Students, double? Mean, double? Median);

/// <summary>Mean scores by two attributes at once, with the levels of each in their natural order.</summary>
/// <param name="Cells">Every level of A by every level of B that has students, A's order first.</param>
/// <param name="Totals">Each level of A over all of B (B null), each level of B over all of A (A null), and everyone (both null).</param>
public sealed record Heatmap(
    string AttributeA,
    string AttributeB,
    int MinimumCellSize,
    IReadOnlyList<string> LevelsA,
    IReadOnlyList<string> LevelsB,
    IReadOnlyList<HeatmapCell> Cells,
    IReadOnlyList<HeatmapCell> Totals)
{
    /// <summary>
    /// Suppression as everywhere else (Gaps' <see cref="CellSuppression"/>): every cell or total under the minimum, then
    /// complementary cells until no hidden count can be had from a row or column total; a hidden cell shows no figure at all.
    /// </summary>
    public static Heatmap Compute(string attributeA, string attributeB, IReadOnlyList<CellScores> cells, int minimumCellSize)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumCellSize);
        var levelsA = LevelOrder.Of(cells.Select(c => c.A)).All;
        var levelsB = LevelOrder.Of(cells.Select(c => c.B)).All;
        var byKey = cells.Where(c => c.N > 0).ToDictionary(c => (c.A, c.B));
        var summaries = new Dictionary<Entry, GroupSummary>();
        foreach (var cell in byKey.Values)
        {
            summaries[Key(cell.A, cell.B)] = new GroupSummary(cell.N, cell.Mean, cell.Variance, 0);
        }

        foreach (var a in levelsA)
        {
            summaries[Key(a, null)] = GroupSummary.Pool(byKey.Values.Where(c => c.A == a).Select(c => summaries[Key(c.A, c.B)]));
        }

        foreach (var b in levelsB)
        {
            summaries[Key(null, b)] = GroupSummary.Pool(byKey.Values.Where(c => c.B == b).Select(c => summaries[Key(c.A, c.B)]));
        }

        summaries[Key(null, null)] = GroupSummary.Pool(byKey.Values.Select(c => summaries[Key(c.A, c.B)]));
        var suppressed = CellSuppression.Apply(summaries.ToDictionary(s => s.Key, s => s.Value.N), minimumCellSize);

        HeatmapCell Figure(string? a, string? b, double? median)
        {
            var summary = summaries[Key(a, b)];
            return suppressed.Contains(Key(a, b))
                ? new HeatmapCell(a, b, true, null, null, null)
                : new HeatmapCell(a, b, false, summary.N, summary.Mean, median);
        }

        var shown = (from a in levelsA from b in levelsB where byKey.ContainsKey((a, b)) select Figure(a, b, byKey[(a, b)].Median)).ToList();
        List<HeatmapCell> totals = [.. levelsA.Select(a => Figure(a, null, null)), .. levelsB.Select(b => Figure(null, b, null)), Figure(null, null, null)];
        return new Heatmap(attributeA, attributeB, minimumCellSize, levelsA, levelsB, shown, totals);
    }

    /// <summary>A's level as the cell (CellSuppression's region: its parent is the total over A) and B's as the group in it.</summary>
    private static Entry Key(string? a, string? b) => new(new CellKey("", "", "", a, null, null), b);
}
