using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Import;

/// <summary>Every student or area file in ../shared/data imports as it is, with its mapping from docs/samples.</summary>
public sealed class SharedDatasetImportTests
{
    public static IEnumerable<object[]> Datasets => Mapping.MappingTestData.MappedFileCases;

    internal static ImportMapping SampleMapping(string dataset) =>
        ImportMapping.FromJson(File.ReadAllText(Mapping.MappingTestData.SamplePath(dataset)));

    [Theory]
    [MemberData(nameof(Datasets))]
    public async Task Shared_file_imports_with_its_sample_mapping_and_reimport_changes_no_count(string dataset)
    {
        await using var temp = await TempStore.CreateAsync();
        var request = new ImportRequest([SharedFiles.Path(dataset)], SampleMapping(dataset));
        var report = await temp.Store.ImportAsync(request);
        Assert.True(report.Succeeded, report.Message);
        Assert.Equal(0, report.RejectedTotal);
        var first = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.True(first.TableCounts["students"] + first.TableCounts["areas"] > 0);

        var again = await temp.Store.ImportAsync(request);
        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(0, again.Written.StudentsAdded + again.Written.ResultsAdded + again.Written.ResultsUpdated + again.Written.AssessmentsAdded);
        var second = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.Equal(first.TableCounts, second.TableCounts);
    }

    [Fact]
    public async Task Uci_dropouts_declared_missing_are_not_stored_as_zeros_and_the_report_says_so()
    {
        await using var temp = await TempStore.CreateAsync();
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path("uci-student/student-mat.csv")], SampleMapping("uci-student/student-mat.csv")));
        Assert.True(report.Succeeded, report.Message);
        var health = Assert.Single(report.Tables);
        Assert.Equal(395, health.Students);
        Assert.Equal(["G1", "G2", "G3"], health.Series);
        Assert.Contains(health.Notes, n => n.StartsWith("'G3': 38 value(s) declared missing", StringComparison.Ordinal));
        Assert.Contains(health.Notes, n => n.StartsWith("No student id column", StringComparison.Ordinal));
        // 395 x 3 grades, less the 38 dropped-out G3 values.
        Assert.Equal(395 * 3 - 38, report.Written.ResultsAdded);
    }

    [Fact]
    public async Task StudentsPerformance_health_report_flags_the_single_zero_math_score()
    {
        await using var temp = await TempStore.CreateAsync();
        var dataset = "students-performance/StudentsPerformance.csv";
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(dataset)], SampleMapping(dataset), DryRun: true));
        Assert.True(report.Succeeded, report.Message);
        var health = Assert.Single(report.Tables);
        Assert.Equal(1, health.Columns.Single(c => c.Header == "math score").Zeros);
        Assert.Contains(health.Notes, n => n.StartsWith("'math score': 1 score(s) of 0", StringComparison.Ordinal));
        var info = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.Equal(0, info.Students);
    }

    [Fact]
    public async Task Zip_codes_keep_leading_zeros_and_zips_without_county_are_reported()
    {
        await using var temp = await TempStore.CreateAsync();
        var dataset = "naep/zip_code.csv";
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(dataset)], SampleMapping(dataset), DryRun: true));
        Assert.True(report.Succeeded, report.Message);
        var notes = Assert.Single(report.Tables).Notes;
        Assert.Contains(notes, n => n.StartsWith("68 row(s) have no county", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("leading zeros included", StringComparison.Ordinal));
    }
}
