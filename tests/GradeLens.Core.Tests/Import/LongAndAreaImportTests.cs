using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Import;

public sealed class LongAndAreaImportTests
{
    private static ImportMapping YellisMapping() =>
        SharedDatasetImportTests.SampleMapping("yellis-tracking/merged_yellis_diff_with_exams.csv");

    [Fact]
    public async Task Yellis_tracking_file_lands_in_results_and_baselines_and_reports_its_quirks()
    {
        await using var temp = await TempStore.CreateAsync();
        var file = SharedFiles.Path("yellis-tracking/merged_yellis_diff_with_exams.csv");
        var report = await temp.Store.ImportAsync(new ImportRequest([file], YellisMapping()));
        Assert.True(report.Succeeded, report.Message);
        var health = Assert.Single(report.Tables);
        Assert.Equal(2180, health.Rows);
        Assert.Equal(["BASELINE", "MOCK 1", "MOCK 2", "GCSE"], health.Series);
        Assert.Contains(health.Notes, n => n.StartsWith("3 subject(s) have no baseline", StringComparison.Ordinal));
        Assert.Contains(health.Notes, n => n.StartsWith("'Yellis_GCSE_Diff' disagrees with GCSE - BASELINE on", StringComparison.Ordinal));
        var info = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.Equal(["MOCK 1", "MOCK 2", "GCSE"], info.Series);
        Assert.True(info.TableCounts["baselines"] > 0);
        Assert.Equal(report.Written.BaselinesWritten, info.TableCounts["baselines"]);
        Assert.Equal(report.Written.ResultsAdded + report.Written.BaselinesWritten + 0, info.TableCounts["results"] + info.TableCounts["baselines"]);
    }

    [Fact]
    public async Task Naep_scores_become_area_scores_and_a_single_space_is_missing()
    {
        await using var temp = await TempStore.CreateAsync();
        var mapping = new ImportMapping
        {
            Kind = TableKind.Areas,
            Columns =
            [
                new() { Header = "year", Role = ColumnRole.Year },
                new() { Header = "state", Role = ColumnRole.Area, AreaLevel = "state" },
                new() { Header = "avg_score", Role = ColumnRole.AreaScore },
                new() { Header = "subject", Role = ColumnRole.Subject },
                new() { Header = "grade", Role = ColumnRole.GradeLevel },
            ],
        };
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path("naep/naep.csv")], mapping));
        Assert.True(report.Succeeded, report.Message);
        var info = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.True(info.TableCounts["areas"] >= 50, $"areas: {info.TableCounts["areas"]}");
        Assert.Equal(report.Written.AreaRowsWritten, info.TableCounts["area_scores"]);
        Assert.True(info.TableCounts["area_scores"] > 1700);
    }
}
