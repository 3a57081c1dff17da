using GradeLens.Core.Gaps;
using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Import;

namespace GradeLens.Core.Tests.Gaps;

/// <summary>Issue 15.8: school, region and grade (the students' own columns) can be compared like any attribute.</summary>
public sealed class GapsByStudentColumnTests
{
    private const string Uci = "uci-student/student-mat.csv";

    private static async Task<TempStore> UciStoreAsync()
    {
        var temp = await TempStore.CreateAsync();
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(Uci)], SharedDatasetImportTests.SampleMapping(Uci)));
        Assert.True(report.Succeeded, report.Message);
        return temp;
    }

    [Fact]
    public async Task The_gap_between_the_two_schools_matches_scipy()
    {
        await using var temp = await UciStoreAsync();

        var table = await GapTableTests.TableAsync(temp.Store, new GapRequest("school", Within: [GapDimension.School], Series: "G3"));

        // /usr/bin/python3: d = pd.read_csv('uci-student/student-mat.csv', sep=';'); d = d[d.G3 != 0] (the sample mapping's missing 0);
        // stats.ttest_ind(d[d.school == 'GP'].G3, d[d.school == 'MS'].G3, equal_var=False) -> 315, 42, diff 0.8365079365079353,
        // t 1.653871028452486, p 0.10394942442813032
        var row = Assert.Single(table.Gaps, g => g.Group == "GP");
        Assert.Equal(("school", "MS", 315L, 42L), (row.Attribute, row.Comparison, row.GroupStudents, row.ComparisonStudents));
        Assert.Equal(0.8365079365079353, row.GapPoints, 1e-9);
        Assert.Equal(1.653871028452486, row.T!.Value, 1e-6);
        Assert.Equal(0.10394942442813032, row.P!.Value, 1e-6);
        // Compared as groups, schools are no longer a breakdown of the cells: one national cell.
        Assert.Null(row.School);
        Assert.Single(table.Gaps, g => g.Subject == "Mathematics" && g.Group == "GP");
    }

    [Fact]
    public async Task School_is_offered_where_students_have_one_and_region_is_not_where_none_has()
    {
        await using var temp = await UciStoreAsync();

        var aggregates = await temp.Store.GetGroupAggregatesAsync(Scope.Everything, new GapRequest("region"));

        Assert.False(aggregates.Known);
        Assert.Equal(["gender", "school"], aggregates.Attributes.Take(2));
        Assert.DoesNotContain("region", aggregates.Attributes);
    }
}
