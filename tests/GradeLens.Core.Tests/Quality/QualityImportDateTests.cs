using GradeLens.Core.Quality.Import;

namespace GradeLens.Core.Tests.Quality;

/// <summary>Dates as universities write them: ISO, dd/mm/yyyy (or mm/dd/yyyy, told apart by the values) and Excel day numbers.</summary>
public sealed class QualityImportDateTests : IDisposable
{
    private readonly QualityImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Iso_day_month_and_excel_serial_dates_are_the_same_dates()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        // 14 October 2024 three ways; 30 October and 9 December as dd/mm/yyyy, with a time, and as an Excel number (45635).
        _files.WriteBasic(assessments: "assessment_id,module_id,title,due_date,returned_date,weight\n" +
            "A1,M1,Essay,2024-10-14,30/10/2024,40\nA2,M1,Exam,14/10/2024,09/12/2024 00:00,60\nA3,M2,Essay,45579,45635,100\n");
        var report = await _files.ImportAsync(store);
        Assert.True(report.Succeeded, string.Join("\n", report.Rejected));
        var rows = await store.RowsAsync("he_assessments");
        Assert.All(rows, r => Assert.Contains("|2024-10-14|", r, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("A2", StringComparison.Ordinal) && r.Contains("|2024-12-09|", StringComparison.Ordinal));
        var found = report.Tables.Single(t => t.Table == "he_assessments");
        Assert.Equal("day/month", found.DateOrder);
        Assert.False(found.DateOrderAmbiguous);
        Assert.Contains(report.Notes, n => n.Contains("dates read as day/month", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("2 dates are Excel day numbers", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Month_day_dates_are_told_apart_by_a_day_over_12_in_second_place()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        _files.WriteBasic(assessments: "assessment_id,module_id,title,due_date,returned_date,weight\nA1,M1,Essay,10/14/2024,10/30/2024,40\nA2,M1,Exam,12/09/2024,,60\nA3,M2,Essay,11/04/2024,11/20/2024,100\n");
        var report = await _files.ImportAsync(store);
        Assert.True(report.Succeeded, string.Join("\n", report.Rejected));
        Assert.Equal("month/day", report.Tables.Single(t => t.Table == "he_assessments").DateOrder);
        Assert.Contains(await store.RowsAsync("he_assessments"), r => r.StartsWith("uni|A2|", StringComparison.Ordinal) && r.Contains("|2024-12-09|", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dates_that_never_show_their_order_are_read_day_first_and_the_report_says_they_were_ambiguous()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        const string Ambiguous = "assessment_id,module_id,title,due_date,returned_date,weight\nA1,M1,Essay,01/10/2024,11/10/2024,40\nA2,M1,Exam,02/12/2024,,60\nA3,M2,Essay,04/11/2024,12/11/2024,100\n";
        _files.WriteBasic(assessments: Ambiguous);
        var report = await _files.ImportAsync(store);
        Assert.True(report.Succeeded, string.Join("\n", report.Rejected));
        var found = report.Tables.Single(t => t.Table == "he_assessments");
        Assert.True(found.DateOrderAmbiguous);
        Assert.Equal("day/month", found.DateOrder);
        Assert.Contains(report.Notes, n => n.Contains("ambiguous", StringComparison.Ordinal) && n.Contains("UK default", StringComparison.Ordinal));
        Assert.Contains(await store.RowsAsync("he_assessments"), r => r.StartsWith("uni|A1|", StringComparison.Ordinal) && r.Contains("|2024-10-01|2024-10-11|", StringComparison.Ordinal));

        // Another file of the import that shows month/day settles it; asking for an order settles it too.
        _files.Write("grades.csv", "student_id,assessment_id,submitted,mark\nS1,A1,10/25/2024,65\nS2,A1,,48\nS1,A2,,\nS2,A2,,71\nS1,A3,,55\n");
        var settled = await _files.ImportAsync(store);
        Assert.True(settled.Succeeded, string.Join("\n", settled.Rejected));
        Assert.Equal("month/day", settled.Tables.Single(t => t.Table == "he_assessments").DateOrder);
        Assert.Contains(settled.Notes, n => n.Contains("as the import's other files show", StringComparison.Ordinal));
        var asked = await _files.ImportAsync(store, DateOrder.DayMonth);
        Assert.False(asked.Succeeded);
        Assert.Contains(asked.Rejected, r => r.File == "grades.csv" && r.Line == 2 && r.Column == "submitted" && r.Reason.StartsWith("not a date", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_date_written_the_other_way_from_the_rest_of_its_file_is_rejected_never_swapped()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        _files.WriteBasic(assessments: "assessment_id,module_id,title,due_date,returned_date,weight\nA1,M1,Essay,14/10/2024,30/10/2024,40\nA2,M1,Exam,12/25/2024,,60\nA3,M2,Essay,04/11/2024,20/11/2024,100\n");
        var report = await _files.ImportAsync(store);
        Assert.False(report.Succeeded);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(("assessments.csv", 3L, "due_date", "12/25/2024"), (rejected.File, rejected.Line, rejected.Column, rejected.Value));
        Assert.Contains(report.Notes, n => n.Contains("1 dates that only fit month/day are rejected", StringComparison.Ordinal));
    }
}
