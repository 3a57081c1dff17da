using System.Globalization;
using GradeLens.Core.Reports;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Tests.Reports;

public sealed class EquityReportTests(DemoReportStore demo) : IClassFixture<DemoReportStore>
{
    private static readonly string[] CellTail = ["series", "mean_lower", "mean_upper", "standard_deviation", "suppressed"];

    private static readonly string[] GapTail =
    [
        "series", "mean_a", "mean_b", "gap_points", "gap_points_lower", "gap_points_upper", "p_welch", "q_welch", "significant",
        "hedges_g", "hedges_g_lower", "hedges_g_upper", "suppressed", "reason",
    ];

    private static readonly string[] OverlapTail =
        ["series", "comparison", "national_pct_below", "excess_pct_below", "gap_points", "q_welch", "priority_rank", "reason", "suppressed"];

    public static TheoryData<string, string[]> Files { get; } = new()
    {
        { "agg_region_grade_subject", CellTail },
        { "agg_region_grade_subject_domain", CellTail },
        { "agg_gender", GapTail },
        { "agg_gender_domain", GapTail },
        { "overlap", OverlapTail },
        { "overlap_domain", OverlapTail },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_equity_file_has_the_studys_columns_first_then_intervals_q_values_and_suppression(string file, string[] tail)
    {
        await using var copy = await demo.OpenCopyAsync();
        await copy.WriteAsync("equity");

        // The study's own header is the first line of its file in the shared data (read where it is, its byte-order mark dropped).
        var study = File.ReadLines(SharedFiles.Path($"equity-aggregates/{file}.csv")).First().TrimStart('\uFEFF').Split(',');
        Assert.Equal([.. study, .. tail], copy.HeaderOf($"equity/{file}.csv"));
    }

    [Fact]
    public async Task The_gap_figures_and_the_gender_file_equal_the_equity_pages_answer_for_the_same_request()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("equity");
        var table = (await copy.Store.GetGapTableAsync(Scope.Everything, EquityStudyReport.CellRequest)).Table!;

        var bars = (BarChart)summary.Files.Single(f => f.Path == "equity/gender_gap_math_spring_2026.png").Figure!;
        var gaps = table.Gaps.Where(g => g.Subject == "Math" && g.Series == "Spring 2026" && g.Domain.Length == 0 && g.Region is not null && g.GradeLevel is null).ToList();
        Assert.Equal(8, gaps.Count);
        Assert.Equal(gaps.Select(g => (g.Region!, g.GapPoints, g.GapLower, g.GapUpper)), bars.Bars.Select(b => (b.Category, b.Value, b.Lower, b.Upper)));

        var heatmap = (HeatmapChart)summary.Files.Single(f => f.Path == "equity/mean_score_arabic_spring_2026.png").Figure!;
        var cells = table.Cells.Where(c => c.Subject == "Arabic" && c.Domain.Length == 0 && c.Region is not null && c.GradeLevel is not null).ToList();
        Assert.Equal(48, heatmap.Cells.Count);
        Assert.Equal(cells.Select(c => (c.Region!, c.GradeLevel!, c.Mean)), heatmap.Cells.Select(c => (c.Row, c.Column, c.Value)));
        Assert.Contains("البقاع", heatmap.Rows);

        // Every gap row of the file is a gap of the table, number for number (round-trip precision).
        var rows = File.ReadLines(Path.Combine(copy.ReportDirectory, "equity/agg_gender.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[3].Length > 0).ToList();
        var finest = table.Gaps.Where(g => g.Domain.Length == 0 && g.Region is not null && g.GradeLevel is not null).ToList();
        Assert.Equal(finest.Count, rows.Count);
        Assert.Equal(finest.Select(g => g.PBelow), rows.Select(f => (double?)double.Parse(f[8], CultureInfo.InvariantCulture)));
        Assert.Equal(finest.Select(g => g.Q), rows.Select(f => (double?)double.Parse(f[18], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task The_overlap_file_flags_exactly_the_overlap_pages_priority_cohorts()
    {
        await using var copy = await demo.OpenCopyAsync();
        var summary = await copy.WriteAsync("equity");
        var table = (await copy.Store.GetGapTableAsync(Scope.Everything, EquityStudyReport.CellRequest)).Table!;
        // The file has the finest cells (region x grade); the page also flags coarser ones (a region over every grade).
        var priorities = PriorityCohorts.Find(table, new PriorityThresholds()).Where(p => p.Region is not null && p.GradeLevel is not null).ToList();

        var flagged = File.ReadLines(Path.Combine(copy.ReportDirectory, "equity/overlap.csv")).Skip(1).Select(l => l.Split(',')).Where(f => f[9] == "true")
            .Select(f => (f[0], f[1], f[2])).ToList();
        Assert.NotEmpty(priorities);
        Assert.Equal(priorities.Select(p => (p.Region!, p.GradeLevel!, p.Subject)).Order(), flagged.Order());
        var scatter = (ScatterChart)summary.Files.Single(f => f.Path == "equity/overlap.png").Figure!;
        Assert.Equal(priorities.Count, scatter.Points.Count(p => p.Marked));
    }

    [Fact]
    public async Task A_suppressed_cell_keeps_its_row_with_blank_figures_and_the_flag()
    {
        await using var copy = await demo.OpenCopyAsync();
        // A minimum of 60 students suppresses many of the demo's region x grade x domain cells (about 40 students each).
        var audience = new ReportAudience("ana", GradeLens.Core.Accounts.Role.Analyst, new Scope("demo", AggregatesOnly: true, MinimumCellSize: 60));
        await copy.WriteAsync("equity", audience);
        var table = (await copy.Store.GetGapTableAsync(audience.Scope, EquityStudyReport.DomainRequest)).Table!;
        var suppressed = EquityTables.Finest(table, domains: true).Count(c => c.Suppressed);

        var rows = File.ReadLines(Path.Combine(copy.ReportDirectory, "equity/agg_region_grade_subject_domain.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(60, table.MinimumCellSize);
        Assert.True(suppressed > 0, "cells under 60 students should be suppressed");
        Assert.Equal(suppressed, rows.Count(f => f[^1] == "true"));
        Assert.All(rows.Where(f => f[^1] == "true"), f => Assert.True(f[4].Length == 0 && f[6].Length == 0, "a suppressed cell shows no mean and no count"));
        Assert.All(rows.Where(f => f[^1] == "false"), f => Assert.True(long.Parse(f[6], CultureInfo.InvariantCulture) >= 60));
    }
}
