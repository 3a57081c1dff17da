using System.Globalization;

namespace GradeLens.Core.Gaps;

/// <summary>When a cell is a priority: thresholds the Overlap page lets the analyst adjust.</summary>
/// <param name="ExcessPercentBelow">At least this many percentage points more students below proficiency than the national figure.</param>
/// <param name="Q">A gap in the cell with a Benjamini-Hochberg q-value at or below this.</param>
/// <param name="GapPoints">That gap at least this many score points either way.</param>
public sealed record PriorityThresholds(double ExcessPercentBelow = 10, double Q = 0.05, double GapPoints = 5);

/// <summary>A cell flagged as a priority, with the reason in words.</summary>
/// <param name="Rank">1 for the widest excess below proficiency.</param>
/// <param name="NationalPercentBelow">The same series, subject and domain over all students in scope (student-weighted).</param>
/// <param name="Gap">Its widest qualifying gap.</param>
public sealed record PriorityCohort(
    int Rank,
    string Series, string Subject, string Domain, string? Region, string? School, string? GradeLevel,
    long Students, double PercentBelow, double NationalPercentBelow, double ExcessPercentBelow,
    GapRow Gap, string Reason);

/// <summary>
/// Overlap: cells where many students are below proficiency AND a group gap is both real (significant after the
/// false discovery rate correction) and wide. Ranked by how far the cell is above the national share below, then by
/// the size of the gap.
/// </summary>
public static class PriorityCohorts
{
    public static IReadOnlyList<PriorityCohort> Find(GapTable table, PriorityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(thresholds);
        var national = table.Cells
            .Where(c => c.Region is null && c.School is null && c.GradeLevel is null && c.PercentBelow is not null)
            .ToDictionary(c => (c.Series, c.Subject, c.Domain), c => c.PercentBelow!.Value);
        var gaps = table.Gaps.ToLookup(g => g.Cell);
        var flagged = new List<PriorityCohort>();
        foreach (var cell in table.Cells)
        {
            if (cell.Suppressed || (cell.Region is null && cell.School is null && cell.GradeLevel is null)
                || !national.TryGetValue((cell.Series, cell.Subject, cell.Domain), out var nationalBelow))
            {
                continue;
            }

            var excess = cell.PercentBelow!.Value - nationalBelow;
            var key = new CellKey(cell.Series, cell.Subject, cell.Domain, cell.Region, cell.School, cell.GradeLevel);
            var gap = gaps[key]
                .Where(g => g.Q is { } q && q <= thresholds.Q && Math.Abs(g.GapPoints) >= thresholds.GapPoints)
                .OrderByDescending(g => Math.Abs(g.GapPoints))
                .FirstOrDefault();
            if (excess < thresholds.ExcessPercentBelow || gap is null)
            {
                continue;
            }

            flagged.Add(new PriorityCohort(0, cell.Series, cell.Subject, cell.Domain, cell.Region, cell.School, cell.GradeLevel,
                cell.Students!.Value, cell.PercentBelow.Value, nationalBelow, excess, gap, Reason(key, cell.PercentBelow.Value, nationalBelow, excess, gap)));
        }

        return flagged
            .OrderByDescending(p => p.ExcessPercentBelow)
            .ThenByDescending(p => Math.Abs(p.Gap.GapPoints))
            .Select((p, i) => p with { Rank = i + 1 })
            .ToList();
    }

    private static string Reason(CellKey cell, double below, double national, double excess, GapRow gap)
    {
        var against = gap.Comparison == "rest" ? "the rest" : gap.Comparison;
        var direction = gap.GapPoints < 0 ? "behind" : "ahead of";
        return string.Create(CultureInfo.InvariantCulture,
            $"{cell.Describe()}: {below:0.0}% below proficiency, {excess:0.0} points above the national {national:0.0}%; " +
            $"{gap.Attribute} {gap.Group} {direction} {against} by {Math.Abs(gap.GapPoints):0.0} points ({(gap.Q < 0.0001 ? "q < 0.0001" : $"q = {gap.Q:0.####}")}).");
    }
}
