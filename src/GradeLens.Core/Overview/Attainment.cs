using GradeLens.Core.Gaps;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Overview;

/// <summary>One subject's latest series over every student in view.</summary>
public sealed record SubjectAttainment(string Subject, string Series, long Students, double? Mean, double? PercentBelow);

/// <summary>
/// Attainment at a glance, chart-ready: % below proficiency per subject (each subject's latest series) and the widest
/// significant gaps between groups of every attribute, tested together: one Benjamini-Hochberg correction over every
/// gap of every attribute (so "significant" means the same across the list), ranked by Hedges' g so subjects on
/// different scales compare.
/// </summary>
/// <param name="PercentBelow">Student-weighted over the subjects shown; null when every subject is suppressed.</param>
/// <param name="Widest">The <see cref="AttainmentAnalysis.WidestShown"/> widest significant gaps, q-values from the joint correction.</param>
public sealed record AttainmentView(
    IReadOnlyList<SubjectAttainment> Subjects,
    long Results,
    double? PercentBelow,
    IReadOnlyList<GapRow> Widest,
    int Significant,
    int Tested,
    IReadOnlyList<string> Attributes,
    int MinimumCellSize,
    double Alpha);

/// <summary>The Overview page's attainment cards and tables.</summary>
public static class AttainmentAnalysis
{
    public const int WidestShown = 10;

    /// <summary>Attributes tested at most besides gender (a store with dozens of attributes would take long and say little).</summary>
    public const int MaximumAttributes = 9;

    public static async Task<AttainmentView> GetAttainmentAsync(this IGradeStore store, Scope scope, CancellationToken cancellationToken = default)
    {
        var byGender = await store.GetGapTableAsync(scope, new GapRequest(Within: []), cancellationToken);
        var first = byGender.Table!;
        var subjects = first.Cells.Where(c => c.Domain.Length == 0 && !c.Suppressed)
            .Select(c => new SubjectAttainment(c.Subject, c.Series, c.Students ?? 0, c.Mean, c.PercentBelow)).ToList();
        var tables = new List<GapTable> { first };
        foreach (var attribute in byGender.Attributes.Where(a => a != first.Attribute).Take(MaximumAttributes - 1))
        {
            if ((await store.GetGapTableAsync(scope, new GapRequest(attribute, Within: []), cancellationToken)).Table is { } table)
            {
                tables.Add(table);
            }
        }

        var tested = tables.SelectMany(t => t.Gaps).Where(g => g.P is not null).ToList();
        var q = BenjaminiHochberg.QValues(tested.Select(g => g.P!.Value).ToList());
        var jointly = tested.Select((g, i) => g with { Q = q[i], Significant = q[i] <= first.Alpha }).ToList();
        var significant = jointly.Where(g => g.Significant && g.HedgesG is not null).OrderByDescending(g => Math.Abs(g.HedgesG!.Value)).ToList();
        var results = subjects.Sum(s => s.Students);
        var below = results == 0 || subjects.Any(s => s.PercentBelow is null) ? (double?)null
            : subjects.Sum(s => s.PercentBelow!.Value * s.Students) / results;
        return new AttainmentView(subjects, results, below, [.. significant.Take(WidestShown)], significant.Count, tested.Count,
            [.. tables.Select(t => t.Attribute)], first.MinimumCellSize, first.Alpha);
    }
}
