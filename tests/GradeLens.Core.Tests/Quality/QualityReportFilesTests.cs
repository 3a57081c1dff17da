using System.Globalization;
using GradeLens.Testing;

namespace GradeLens.Core.Tests.Quality;

/// <summary>The study's four CSVs: its columns first, then intervals and suppression; "low" carried as suppressed; release rounding.</summary>
public sealed class QualityReportFilesTests
{
    private static readonly Scope Uni = Scope.ForOrganisation("uni");

    [Fact]
    public async Task Each_csv_begins_with_the_studys_own_columns_then_the_interval_and_suppression_columns()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.WriteQualityAsync(QualityTestData.Demo, "uni");
        var report = await temp.Store.GetQualityReportAsync(Uni, QualityFilter.All, QualityTestData.AsOf);

        var paths = QualityReportFiles.Write(report, temp.PathOf("report"));

        Assert.Equal([QualityReportFiles.PassRateFile, QualityReportFiles.TurnaroundFile, QualityReportFiles.EngagementFile, QualityReportFiles.AtRiskFile], paths.Select(Path.GetFileName));
        foreach (var path in paths)
        {
            var study = File.ReadLines(SharedFiles.Path("quality-kpis/" + Path.GetFileName(path))).First().Split(',');
            var ours = File.ReadLines(path).First().Split(',');
            Assert.Equal(study, ours.Take(study.Length));
            Assert.True(ours.Length > study.Length, path);
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no byte-order mark, as the study's files
        }

        var atRisk = Rows(await File.ReadAllTextAsync(paths[3]));
        Assert.Equal(report.AtRisk.Modules.Count, atRisk.Count);
        Assert.Contains(atRisk, r => r["suppressed"] == "true" && r["pass_rate"] == "" && r["lower_pct"] == "");
        Assert.Contains(atRisk, r => r["at_risk"] == "true" && r["evidence"] == "clearly_below");
        Assert.Contains(atRisk, r => r["at_risk"] == "true" && r["evidence"] == "possibly_below");
        var turnaround = Rows(await File.ReadAllTextAsync(paths[1]));
        Assert.Equal(report.Turnaround.Assessments.Count, turnaround.Count);
        Assert.Contains(turnaround, r => r["status"] == "outstanding" && r["turnaround_days"] == "" && r["outstanding_working_days"] != "");
        Assert.Equal(report.EngagementAgainstPassRate.Count, report.PassRates.Programmes.Count);
    }

    [Fact]
    public async Task A_module_of_22_students_is_low_in_every_export_and_one_of_23_has_its_rate_and_wilson_interval()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.WriteQualityAsync(TwoModules(22, 15, 23, 16), "uni");
        var answer = await temp.Store.GetAtRiskModulesAsync(Uni, QualityFilter.All);
        var rows = Rows(QualityReportFiles.AtRiskCsv(answer)).ToDictionary(r => r["module_id"]);

        Assert.Equal(("true", "", "", "", "22", "low"), (rows["M22"]["suppressed"], rows["M22"]["pass_rate"], rows["M22"]["passed"], rows["M22"]["upper_pct"], rows["M22"]["students"], rows["M22"]["evidence"]));
        var (lower, upper) = WilsonInterval.Of(16, 23);
        Assert.Equal("false", rows["M23"]["suppressed"]);
        Assert.Equal(Math.Round(100.0 * 16 / 23, 1), double.Parse(rows["M23"]["pass_rate"], CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(100 * lower, 1), double.Parse(rows["M23"]["lower_pct"], CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(100 * upper, 1), double.Parse(rows["M23"]["upper_pct"], CultureInfo.InvariantCulture));
        Assert.Equal("16", rows["M23"]["passed"]);
        var programme = Assert.Single(Rows(QualityReportFiles.PassRateCsv(await temp.Store.GetPassRatesAsync(Uni, QualityFilter.All))));
        Assert.Equal(("45", "31", "false"), (programme["results"], programme["passed"], programme["suppressed"]));
    }

    [Fact]
    public async Task Release_mode_rounds_every_published_count_to_the_nearest_five_while_rates_keep_the_true_counts()
    {
        await using var temp = await TempStore.CreateAsync();
        await temp.Store.WriteQualityAsync(TwoModules(22, 15, 23, 16), "uni");
        var release = QualityOptions.Default with { Suppression = new SuppressionRule(Release: true) };

        var rows = Rows(QualityReportFiles.AtRiskCsv(await temp.Store.GetAtRiskModulesAsync(Uni, QualityFilter.All, release))).ToDictionary(r => r["module_id"]);
        var programme = Assert.Single(Rows(QualityReportFiles.PassRateCsv(await temp.Store.GetPassRatesAsync(Uni, QualityFilter.All, release))));

        Assert.Equal(("20", "25", "15"), (rows["M22"]["students"], rows["M23"]["students"], rows["M23"]["passed"]));
        Assert.Equal(Math.Round(100.0 * 16 / 23, 1), double.Parse(rows["M23"]["pass_rate"], CultureInfo.InvariantCulture));
        Assert.Equal(("45", "30", "45"), (programme["results"], programme["passed"], programme["students"]));
    }

    /// <summary>One programme and term: module M22 of <paramref name="small"/> students (<paramref name="smallPassing"/> pass) and M23 likewise; one assessment each.</summary>
    private static QualityData TwoModules(int small, int smallPassing, int large, int largePassing)
    {
        var modules = new[] { ("M22", small, smallPassing), ("M23", large, largePassing) };
        var enrolments = modules.SelectMany(m => Enumerable.Range(1, m.Item2).Select(i => new Enrolment($"{m.Item1}-S{i}", m.Item1))).ToList();
        return new QualityData(
            [new Programme("P1", "Physics", "Science")],
            [new CourseModule("M22", "P1", "Optics", "2024-Fall"), new CourseModule("M23", "P1", "Mechanics", "2024-Fall")],
            enrolments,
            [.. modules.Select(m => new ModuleAssessment($"A-{m.Item1}", m.Item1, "Exam", new DateOnly(2024, 12, 6), new DateOnly(2024, 12, 20), 1))],
            [.. modules.SelectMany(m => Enumerable.Range(1, m.Item2).Select(i => new AssessmentGrade($"{m.Item1}-S{i}", $"A-{m.Item1}", null, i <= m.Item3 ? 60 : 40)))],
            [], []);
    }

    /// <summary>A CSV without quoted commas as rows keyed by header.</summary>
    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}
