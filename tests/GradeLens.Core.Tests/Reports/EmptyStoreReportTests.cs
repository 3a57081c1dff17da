using GradeLens.Core.Reports;

namespace GradeLens.Core.Tests.Reports;

public sealed class EmptyStoreReportTests
{
    [Fact]
    public async Task Report_all_over_an_empty_store_skips_every_study_with_a_sentence_and_still_writes_the_index()
    {
        await using var temp = await TempStore.CreateAsync();
        var directory = temp.PathOf("report");

        var summary = await ReportWriter.WriteAsync(temp.Store, StudyReports.Registered, directory, ReportAudience.CommandLineAdmin);

        Assert.Equal(StudyReports.Registered.Select(s => s.Name), summary.Studies.Select(s => s.Study));
        Assert.All(summary.Studies, s => Assert.False(s.Written, $"{s.Study} wrote files from an empty store"));
        Assert.All(summary.Studies, s => Assert.EndsWith(".", s.Skipped, StringComparison.Ordinal));
        Assert.Equal([Path.Combine(directory, ReportWriter.IndexFile)], Directory.GetFileSystemEntries(directory));
        Assert.Contains("there is nothing to track", await File.ReadAllTextAsync(summary.IndexPath), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_all_names_every_study_and_an_unknown_name_selects_none()
    {
        Assert.Equal(["tracking", "equity", "risk", "areas", "quality", "explore", "all"], StudyReports.Names);
        Assert.Equal(StudyReports.Registered, StudyReports.Select("ALL"));
        Assert.Equal("risk", Assert.Single(StudyReports.Select("Risk")).Name);
        Assert.Empty(StudyReports.Select("everything"));
    }
}
