using System.Globalization;
using System.Text.RegularExpressions;
using GradeLens.Core.Accounts;
using GradeLens.Core.Demo;
using GradeLens.Core.Reports;
using GradeLens.Core.Reports.Figures;

namespace GradeLens.Core.Tests.Reports;

/// <summary>The demo store and the report an analyst of its organisation gets from <c>report all</c>, written once for the class's read-only checks.</summary>
public sealed class AnalystReport : IAsyncLifetime
{
    private readonly DemoReportStore _demo = new();

    public static ReportAudience Analyst { get; } =
        ReportAudience.For(new UserAccount("ana", Role.Analyst, DemoGenerator.Organisation, [], [], 0, null, DateTime.UtcNow));

    public DemoCopy Copy { get; private set; } = null!;

    public ReportSummary Summary { get; private set; } = null!;

    /// <summary>Every student id in the store.</summary>
    public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        await _demo.InitializeAsync();
        Copy = await _demo.OpenCopyAsync();
        await Copy.Store.ReadAsync(async (c, sql, t) =>
        {
            await using var command = c.CreateCommand();
            command.CommandText = "SELECT student_id FROM students";
            await using var reader = await command.ExecuteReaderAsync(t);
            while (await reader.ReadAsync(t))
            {
                Ids.Add(reader.GetString(0));
            }

            return Ids.Count;
        });
        Summary = await Copy.WriteAsync(StudyReports.All, Analyst);
    }

    public async Task DisposeAsync()
    {
        await Copy.DisposeAsync();
        await _demo.DisposeAsync();
    }
}

public sealed partial class AnalystReportTests(AnalystReport report) : IClassFixture<AnalystReport>
{
    [Fact]
    public async Task An_analysts_report_holds_no_student_id_in_any_file_or_figure()
    {
        var ids = report.Ids;
        var directory = report.Copy.ReportDirectory;

        Assert.Equal(2200, ids.Count);
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
        Assert.True(files.Length > 50, $"only {files.Length} files");
        Assert.DoesNotContain(files, f => Path.GetFileName(f) == "student_risk_scores.csv");
        Assert.Contains(report.Summary.Studies.Single(s => s.Study == "risk").Notes, n => n.Contains("student_risk_scores.csv is not written", StringComparison.Ordinal));
        foreach (var file in files.Where(f => !f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var leaked = Words().Matches(await File.ReadAllTextAsync(file)).Select(m => m.Value).Where(ids.Contains).Take(3).ToList();
            Assert.True(leaked.Count == 0, $"{file} names students {string.Join(", ", leaked)}");
        }

        // A PNG's text cannot be scanned: what the figures draw can.
        foreach (var figure in report.Summary.Files.Where(f => f.Figure is not null))
        {
            var words = Labels(figure.Figure!).SelectMany(l => Words().Matches(l)).Select(m => m.Value);
            Assert.DoesNotContain(words, ids.Contains);
        }
    }

    [Fact]
    public void Every_count_in_an_analysts_report_is_at_least_the_minimum_cell_size()
    {
        var copy = report.Copy;
        var minimum = AnalystReport.Analyst.Scope.MinimumCellSize;

        Assert.True(AnalystReport.Analyst.Scope.AggregatesOnly);
        AssertCounts(copy, "equity/agg_region_grade_subject.csv", "n_students", minimum);
        AssertCounts(copy, "equity/agg_region_grade_subject_domain.csv", "n_students", minimum);
        AssertCounts(copy, "equity/agg_gender.csv", "n_a", minimum);
        AssertCounts(copy, "equity/agg_gender.csv", "n_b", minimum);
        AssertCounts(copy, "tracking/series_boxes.csv", "students", minimum);
        AssertCounts(copy, "tracking/baseline_shares.csv", "students", minimum);
        AssertCounts(copy, "explore/explore_groups.csv", "students", minimum);
        AssertCounts(copy, "risk/risk_model_fairness.csv", "students", minimum);

        // One pupil's score is never shown to an analyst: no minimum, maximum or whisker in the series boxes.
        var boxes = File.ReadLines(Path.Combine(copy.ReportDirectory, "tracking/series_boxes.csv")).Skip(1).Select(Fields).ToList();
        Assert.NotEmpty(boxes);
        Assert.All(boxes, f => Assert.Equal(["", "", "", ""], new[] { f[4], f[5], f[9], f[10] }));
    }

    /// <summary>Every non-blank value of the column is a count of at least <paramref name="minimum"/> (and the column has some).</summary>
    private static void AssertCounts(DemoCopy copy, string file, string column, int minimum)
    {
        var header = copy.HeaderOf(file);
        var at = Array.IndexOf(header, column);
        Assert.True(at >= 0, $"{file} has no column {column}");
        var counts = File.ReadLines(Path.Combine(copy.ReportDirectory, file)).Skip(1)
            .Select(line => Fields(line)[at]).Where(v => v.Length > 0).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, n => Assert.True(n >= minimum, $"{file}: {column} = {n} under {minimum}"));
    }

    private static List<string> Fields(string line) => GradeLens.Testing.CsvLine.Fields(line);

    /// <summary>Every text a figure draws: its words, categories, series, point labels and row and column names.</summary>
    private static IEnumerable<string> Labels(Figure figure)
    {
        IEnumerable<string> data = figure switch
        {
            BarChart bars => bars.Bars.SelectMany(b => new[] { b.Category, b.Series }),
            LineChart lines => lines.Series.Select(s => s.Name).Concat(lines.XCategories ?? []),
            ScatterChart scatter => scatter.Points.Select(p => p.Label ?? "").Concat(scatter.Thresholds.Select(t => t.Label)),
            BoxChart boxes => boxes.Boxes.Select(b => b.Label),
            HeatmapChart heatmap => heatmap.Rows.Concat(heatmap.Columns),
            _ => [],
        };
        return data.Concat([figure.Text.Title, figure.Text.XLabel, figure.Text.YLabel, figure.Text.Method]);
    }

    [GeneratedRegex(@"[\p{L}\p{N}_-]+")]
    private static partial Regex Words();
}
