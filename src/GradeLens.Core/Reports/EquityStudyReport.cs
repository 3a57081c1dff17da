using GradeLens.Core.Gaps;

namespace GradeLens.Core.Reports;

/// <summary>
/// The equity study: agg_region_grade_subject(_domain).csv, agg_gender(_domain).csv and overlap(_domain).csv, and per
/// subject a heatmap of mean scores and the gender gap by region, plus the overlap scatter; all from the Equity and
/// Overlap pages' one entry point, <see cref="GapReads.GetGapTableAsync"/>, with the requests below.
/// </summary>
public sealed class EquityStudyReport : IStudyReport
{
    /// <summary>The Equity page's default: gender gaps in every region x grade cell of each subject's latest series.</summary>
    public static GapRequest CellRequest { get; } = new(GapRequest.DefaultAttribute, [GapDimension.Region, GapDimension.GradeLevel]);

    /// <summary>The same per domain of each subject.</summary>
    public static GapRequest DomainRequest { get; } = new(GapRequest.DefaultAttribute, [GapDimension.Region, GapDimension.GradeLevel, GapDimension.Domain]);

    public string Name => "equity";

    public string Title => "Equity: gender gaps and overlap, region by grade";

    public async Task<string?> WriteAsync(ReportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Report("gaps by region and grade", 0.05);
        var answer = await context.Store.GetGapTableAsync(context.Scope, CellRequest, cancellationToken);
        if (answer.Table is not { } table)
        {
            return answer.Refusal;
        }

        if (!table.Cells.Any(c => !c.Suppressed))
        {
            return "No results in scope (or every cell is under the minimum size): there is no equity table to write.";
        }

        if (answer.NotRecorded.Count > 0)
        {
            context.Files.Note($"No student in scope has a {string.Join(" or ", answer.NotRecorded)} recorded: the tables have no cells by {string.Join(" or ", answer.NotRecorded)} (shown as (all)).");
        }

        var min = table.MinimumCellSize;
        var files = context.Files;
        await files.WriteCsvAsync("agg_region_grade_subject", "Mean score and % below proficiency per region, grade and subject", CellMethod(min), EquityTables.Cells(table, false), cancellationToken);
        await files.WriteCsvAsync("agg_gender", "Gender gaps per region, grade and subject", GapMethod(table), EquityTables.Gaps(table, false), cancellationToken);
        var overlap = OverlapRows.Of(table, false);
        await files.WriteCsvAsync("overlap", "Overlap: each cell's group most often below proficiency, and the priority flag", OverlapMethod(min), OverlapRows.Table(overlap, false), cancellationToken);

        context.Report("gaps by domain", 0.3);
        var byDomain = (await context.Store.GetGapTableAsync(context.Scope, DomainRequest, cancellationToken)).Table!;
        await files.WriteCsvAsync("agg_region_grade_subject_domain", "Mean score and % below proficiency per region, grade, subject and domain", CellMethod(min), EquityTables.Cells(byDomain, true), cancellationToken);
        await files.WriteCsvAsync("agg_gender_domain", "Gender gaps per region, grade, subject and domain", GapMethod(byDomain), EquityTables.Gaps(byDomain, true), cancellationToken);
        await files.WriteCsvAsync("overlap_domain", "Overlap per domain", OverlapMethod(min), OverlapRows.Table(OverlapRows.Of(byDomain, true), true), cancellationToken);

        var subjects = table.Cells.Where(c => c.Domain.Length == 0).Select(c => (c.Series, c.Subject)).Distinct().ToList();
        for (var i = 0; i < subjects.Count; i++)
        {
            var (series, subject) = subjects[i];
            context.Report($"figures for {subject}", 0.5 + (0.45 * i / subjects.Count));
            if (EquityFigures.MeanScores(table, series, subject) is { } heatmap)
            {
                await files.WriteFigureAsync(ReportFileName.Of("mean_score", subject, series), heatmap, cancellationToken);
            }

            if (EquityFigures.GapsByRegion(table, series, subject) is { } bars)
            {
                await files.WriteFigureAsync(ReportFileName.Of("gender_gap", subject, series), bars, cancellationToken);
            }
        }

        if (EquityFigures.Overlap(overlap, min) is { } scatter)
        {
            await files.WriteFigureAsync("overlap", scatter, cancellationToken);
        }

        return null;
    }

    private static string CellMethod(int min) =>
        $"Each subject's latest series; avg_score the cell's mean (95% t interval mean_lower to mean_upper), pct_below the share under the proficiency threshold; cells under {min} students, or that would reveal one, are blank with suppressed = true.";

    private static string GapMethod(GapTable table) =>
        $"pct_a, pct_b: % below proficiency of each group, gap_pp their difference, p_value the two-proportion z-test; gap_points = mean a − mean b with Welch's 95% interval, p_welch, q_welch (Benjamini-Hochberg over the table's {table.Gaps.Count} gaps), Hedges' g; groups under {table.MinimumCellSize} suppressed.";

    private static string OverlapMethod(int min) =>
        $"focus_group: the group most often below proficiency; gap_pp and p_value (z-test) against the other group; flag_overlap: ≥ {OverlapRows.Thresholds.ExcessPercentBelow} points above the national % below with a gap of q ≤ {OverlapRows.Thresholds.Q} and ≥ {OverlapRows.Thresholds.GapPoints} points (the Overlap page's rule); cells under {min} suppressed.";
}
