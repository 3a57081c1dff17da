using System.Globalization;
using System.Text;
using GradeLens.Core.Import;

namespace GradeLens.Core.Tests.Import.Messy;

/// <summary>Issue 15.6 and 15.9: the health report's figures are exact, its bounds numeric, its format and series the file's own.</summary>
public sealed class HealthReportTests
{
    [Fact]
    public async Task Distinct_counts_are_exact_and_decimal_comma_bounds_are_numeric()
    {
        await using var temp = await TempStore.CreateAsync();
        var text = new StringBuilder("student_id;school;math score\n");
        for (var i = 0; i < 1500; i++)
        {
            // 1,500 ids, two schools, scores 45,5 .. 100,0 with a decimal comma.
            text.Append(CultureInfo.InvariantCulture, $"P{i:D4};{(i % 3 == 0 ? "MS" : "GP")};{(45.5 + i % 110 * 0.5).ToString("0.0", CultureInfo.GetCultureInfo("fr-FR"))}\n");
        }

        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("comma.csv", text.ToString())], DryRun: true));
        Assert.True(report.Succeeded, report.Message);
        var columns = Assert.Single(report.Tables).Columns;
        Assert.Equal(1500, columns.Single(c => c.Header == "student_id").Distinct);
        Assert.Equal(2, columns.Single(c => c.Header == "school").Distinct);
        Assert.All(columns, c => Assert.False(c.DistinctIsApproximate));
        var math = columns.Single(c => c.Header == "math score");
        Assert.Equal(110, math.Distinct);
        Assert.Equal(("45.5", "100.0"), (math.Minimum, math.Maximum));
    }

    [Fact]
    public async Task A_file_without_series_lists_none_and_says_which_one_its_scores_are_filed_under()
    {
        await using var temp = await TempStore.CreateAsync();
        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("plain.csv", "student_id,gender,math score\nA1,F,0\nA2,M,61\n")], DryRun: true));
        var table = Assert.Single(report.Tables);
        Assert.Empty(table.Series);
        Assert.Equal("Final", table.DefaultSeries);
        Assert.Equal("CSV (comma-separated)", table.Format);
        Assert.Contains(table.Notes, n => n.StartsWith("The file names no series", StringComparison.Ordinal));
        // Zeros: both readings named, and how to tell them apart; nothing declared missing by itself.
        var zeros = Assert.Single(table.Notes, n => n.StartsWith("'math score': 1 score(s) of 0", StringComparison.Ordinal));
        Assert.Contains("a real result", zeros, StringComparison.Ordinal);
        Assert.Contains("a code for absent", zeros, StringComparison.Ordinal);
        Assert.Empty(table.Mapping.Columns.Single(c => c.Header == "math score").Missing);
    }
}
