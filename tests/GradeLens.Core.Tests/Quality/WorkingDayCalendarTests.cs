using GradeLens.Core.Quality;

namespace GradeLens.Core.Tests.Quality;

public sealed class WorkingDayCalendarTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-calendar-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void England_and_wales_bank_holidays_are_gov_uks_for_2023_to_2026()
    {
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var holidays = Enumerable.Range(0, new DateOnly(2026, 12, 31).DayNumber - new DateOnly(2023, 1, 1).DayNumber + 1)
            .Select(new DateOnly(2023, 1, 1).AddDays).Where(calendar.IsHoliday);
        Assert.Equal(LinqQualityKpis.GovUkBankHolidays.Order(), holidays);
    }

    [Fact]
    public void Working_days_skip_the_weekend_and_the_bank_holiday_between_them()
    {
        var calendar = WorkingDayCalendar.EnglandAndWales;
        // Due Friday 22 August 2025; Saturday, Sunday and the summer bank holiday (Monday 25th) do not count.
        var due = new DateOnly(2025, 8, 22);
        Assert.Equal(0, calendar.WorkingDaysBetween(due, new DateOnly(2025, 8, 25)));
        Assert.Equal(1, calendar.WorkingDaysBetween(due, new DateOnly(2025, 8, 26)));
        Assert.Equal(4, calendar.WorkingDaysBetween(due, new DateOnly(2025, 8, 30)));
        // Over Christmas: due Monday 22 December 2025, returned Friday 2 January 2026 (25, 26 December and 1 January are holidays).
        Assert.Equal(6, calendar.WorkingDaysBetween(new DateOnly(2025, 12, 22), new DateOnly(2026, 1, 2)));
        Assert.Equal(0, calendar.WorkingDaysBetween(due, due));
        Assert.Equal(0, calendar.WorkingDaysBetween(due, due.AddDays(-3)));
    }

    [Fact]
    public void A_file_of_dates_adds_closure_days_and_removes_built_in_holidays()
    {
        var path = Path.Combine(_directory, "closures.csv");
        File.WriteAllText(path, "# university closure days\n2025-08-27, staff development day\n\n-2025-08-25\n");
        var calendar = WorkingDayCalendar.EnglandAndWales.WithFile(path);
        Assert.True(calendar.IsHoliday(new DateOnly(2025, 8, 27)));
        Assert.False(calendar.IsHoliday(new DateOnly(2025, 8, 25)));
        Assert.Equal(2, calendar.WorkingDaysBetween(new DateOnly(2025, 8, 22), new DateOnly(2025, 8, 27)));
        Assert.Contains("closures.csv", calendar.Description, StringComparison.Ordinal);
        Assert.True(WorkingDayCalendar.EnglandAndWales.IsHoliday(new DateOnly(2025, 8, 25)));

        File.WriteAllText(path, "2025-08-27\n27/08/2025\n");
        var error = Assert.Throws<FormatException>(() => WorkingDayCalendar.EnglandAndWales.WithFile(path));
        Assert.StartsWith("closures.csv:2: '27/08/2025' is not a date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Turnaround_bins_are_the_studys_and_outstanding_work_is_aged_from_the_callers_date()
    {
        Assert.Equal(["≤10", "≤10", "11-15", "16-20", ">20"], new[] { -2, 10, 11, 16, 21 }.Select(TurnaroundSummary.BinOf));
        var due = new DateOnly(2025, 8, 22);
        var work = new AssessmentTurnaround("A1", "Essay", "M1", "Mechanics", "P1", "Physics", "2025-Spring", due, null, TurnaroundStatus.Returned, null, null, null, null, null);
        var calendar = WorkingDayCalendar.EnglandAndWales;
        var early = TurnaroundSummary.Assess(work, calendar, due.AddDays(-1), 20);
        Assert.Equal(TurnaroundStatus.NotYetDue, early.Status);
        Assert.Null(early.Late);
        var outstanding = TurnaroundSummary.Assess(work, calendar, new DateOnly(2025, 9, 30), 20);
        Assert.Equal((TurnaroundStatus.Outstanding, 39, 26, true), (outstanding.Status, outstanding.CalendarDays, outstanding.WorkingDays, outstanding.Late));
        var returned = TurnaroundSummary.Assess(work with { ReturnedOn = new DateOnly(2025, 9, 19) }, calendar, new DateOnly(2025, 9, 30), 20);
        Assert.Equal((TurnaroundStatus.Returned, 28, 19, ">20", "16-20", false), (returned.Status, returned.CalendarDays, returned.WorkingDays, returned.Bin, returned.WorkingBin, returned.Late));
    }
}
