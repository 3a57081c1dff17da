using System.Globalization;
using System.Text;
using GradeLens.Core.Gaps;
using GradeLens.Core.Import;
using GradeLens.Core.Import.Mapping;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Import;
using static GradeLens.Core.Tests.Gaps.ReferenceGaps;

namespace GradeLens.Core.Tests.Gaps;

/// <summary>The gaps table end to end: aggregates in SQL from a real store, then suppression, tests and BH.</summary>
public sealed class GapTableTests
{
    private const string Exams = "students-performance/StudentsPerformance.csv";

    /// <summary>The reference's column names to the subjects the sample mapping stores them as.</summary>
    private static readonly Dictionary<string, string> Subjects = new()
    {
        ["math score"] = "Mathematics", ["reading score"] = "Reading", ["writing score"] = "Writing",
    };

    internal static async Task<TempStore> ExamsStoreAsync()
    {
        var temp = await TempStore.CreateAsync();
        var report = await temp.Store.ImportAsync(new ImportRequest([SharedFiles.Path(Exams)], SharedDatasetImportTests.SampleMapping(Exams)));
        Assert.True(report.Succeeded, report.Message);
        return temp;
    }

    internal static async Task<GapTable> TableAsync(IGradeStore store, GapRequest request, Scope? scope = null)
    {
        scope ??= Scope.Everything;
        var aggregates = await store.GetGroupAggregatesAsync(scope, request);
        Assert.True(aggregates.Known, $"'{request.Attribute}' is not an attribute of the store: {string.Join(", ", aggregates.Attributes)}");
        return GapAnalysis.Compute(aggregates, request, GapAnalysis.MinimumCellSize(scope, request));
    }

    [Theory]
    [MemberData(nameof(GapStatisticsTests.Gaps), MemberType = typeof(GapStatisticsTests))]
    public async Task National_gaps_from_the_store_match_scipy_and_statsmodels_on_the_exams_file(int index)
    {
        await using var temp = await ExamsStoreAsync();
        var want = Gap(index);
        var attribute = want.GetProperty("attribute").GetString()!;

        var table = await TableAsync(temp.Store, new GapRequest(attribute, Within: []));

        var row = Assert.Single(table.Gaps, g => g.Subject == Subjects[want.GetProperty("subject").GetString()!]);
        // Two groups: the first by name against the second; the reference's group A may be either.
        var sign = row.Group == want.GetProperty("group_a").GetString() ? 1 : -1;
        Assert.Equal(sign == 1 ? want.GetProperty("group_b").GetString() : want.GetProperty("group_a").GetString(), row.Comparison);
        var welch = want.GetProperty("welch");
        var below = want.GetProperty("below_50");
        Assert.Equal(welch.GetProperty(sign == 1 ? "n_a" : "n_b").GetInt64(), row.GroupStudents);
        Close(sign * welch.GetProperty("diff").GetDouble(), row.GapPoints, "diff");
        Close(sign * welch.GetProperty("t").GetDouble(), row.T!.Value, "t");
        Close(welch.GetProperty("df").GetDouble(), row.DegreesOfFreedom!.Value, "df");
        Close(welch.GetProperty("p").GetDouble(), row.P!.Value, "p");
        Close(sign * welch.GetProperty("hedges_g").GetDouble(), row.HedgesG!.Value, "hedges_g");
        Close(sign * below.GetProperty("gap_pp").GetDouble(), row.GapPercentagePoints, "gap_pp");
        Close(sign * below.GetProperty("z").GetDouble(), row.Z!.Value, "z");
        Close(below.GetProperty("p").GetDouble(), row.PBelow!.Value, "p_below");
    }

    [Fact]
    public async Task National_figures_count_every_student_with_their_mean_sd_and_share_below_50()
    {
        await using var temp = await ExamsStoreAsync();

        var table = await TableAsync(temp.Store, new GapRequest(Within: []));

        var math = Assert.Single(table.Cells, c => c.Subject == "Mathematics");
        Assert.Equal(1000, math.Students);
        // 518 women at 63.633 and 482 men at 68.728; 86 + 49 below 50.
        Close((518 * 63.633204633204635 + 482 * 68.72821576763485) / 1000, math.Mean!.Value, "mean");
        Assert.Equal(13.5, math.PercentBelow!.Value, 9);
        Assert.Equal(["Mathematics (Final): below 50 of 100", "Reading (Final): below 50 of 100", "Writing (Final): below 50 of 100"], table.Thresholds);
    }

    [Fact]
    public async Task An_attribute_with_five_groups_compares_each_with_the_rest_and_q_values_cover_all_fifteen()
    {
        await using var temp = await ExamsStoreAsync();

        var table = await TableAsync(temp.Store, new GapRequest("race/ethnicity", Within: []));

        Assert.Equal(15, table.Gaps.Count);
        var math = table.Gaps.Where(g => g.Subject == "Mathematics").ToList();
        Assert.Equal(["group A", "group B", "group C", "group D", "group E"], math.Select(g => g.Group));
        Assert.All(math, g => Assert.Equal("rest", g.Comparison));
        Assert.Equal([89L, 190, 319, 262, 140], math.Select(g => g.GroupStudents));
        Assert.Equal([911L, 810, 681, 738, 860], math.Select(g => g.ComparisonStudents));
        Assert.Equal(BenjaminiHochberg.QValues([.. table.Gaps.Select(g => g.P!.Value)]), table.Gaps.Select(g => g.Q!.Value));
    }

    [Fact]
    public async Task A_group_under_the_minimum_is_suppressed_with_the_next_smallest_so_neither_follows_from_the_total()
    {
        await using var temp = await ExamsStoreAsync();

        // group A has 89 students and group E 140: at a minimum of 100, A is suppressed and E with it.
        var table = await TableAsync(temp.Store, new GapRequest("race/ethnicity", Within: [], MinimumCellSize: 100));

        var math = table.Gaps.Where(g => g.Subject == "Mathematics").ToList();
        Assert.Equal(["group B", "group C", "group D"], math.Select(g => g.Group));
        Assert.Equal([581L, 452, 509], math.Select(g => g.ComparisonStudents));
        Assert.Equal(6, table.SuppressedGroups);
        Assert.DoesNotContain(table.Gaps, g => g.Group is "group A" or "group E");
    }

    [Fact]
    public async Task An_unknown_attribute_is_reported_with_the_ones_the_store_has()
    {
        await using var temp = await ExamsStoreAsync();

        var aggregates = await temp.Store.GetGroupAggregatesAsync(Scope.Everything, new GapRequest("'; DROP TABLE results; --"));

        Assert.False(aggregates.Known);
        Assert.Equal(["gender", "lunch", "parental level of education", "race/ethnicity", "test preparation course"], aggregates.Attributes);
        Assert.Equal(3000, (await temp.Store.GetInfoAsync(Scope.Everything)).TableCounts["results"]);
    }

    [Fact]
    public async Task A_small_region_by_grade_cell_is_suppressed_with_complements_across_its_region_and_its_grade()
    {
        await using var temp = await TempStore.CreateAsync();
        // Region x grade sizes: R1 20, 15, 4; R2 30, 25, 30.
        int[][] sizes = [[20, 15, 4], [30, 25, 30]];
        var csv = new StringBuilder("student_id,region,grade,gender,subject,score\n");
        var id = 0;
        for (var r = 0; r < 2; r++)
        {
            for (var g = 0; g < 3; g++)
            {
                for (var i = 0; i < sizes[r][g]; i++)
                {
                    csv.Append(CultureInfo.InvariantCulture, $"S{++id},R{r + 1},{g + 1},{(i % 2 == 0 ? "F" : "M")},Math,{40 + (id * 7 % 50)}\n");
                }
            }
        }

        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("small.csv", csv.ToString())], new ImportMapping
        {
            Columns =
            [
                new() { Header = "student_id", Role = ColumnRole.StudentId },
                new() { Header = "region", Role = ColumnRole.Region },
                new() { Header = "grade", Role = ColumnRole.GradeLevel },
                new() { Header = "gender", Role = ColumnRole.Gender },
                new() { Header = "subject", Role = ColumnRole.Subject },
                new() { Header = "score", Role = ColumnRole.Score, Scale = GradeScales.PercentId },
            ],
        }));
        Assert.True(report.Succeeded, report.Message);

        var table = await TableAsync(temp.Store, new GapRequest(Within: [GapDimension.Region, GapDimension.GradeLevel], MinimumCellSize: 2));
        Assert.Equal(0, table.SuppressedCells);
        table = await TableAsync(temp.Store, new GapRequest(Within: [GapDimension.Region, GapDimension.GradeLevel], MinimumCellSize: 10));

        // R1 grade 3 (4) is under 10. Its region would give it away, so R1 grade 2 goes; its grade would too, so R2 grade 3
        // goes; that leaves R1 grade 2 alone in grade 2, so R2 grade 2 goes. Every total stays: none is a single hidden part.
        Assert.Equal(["R1/2", "R1/3", "R2/2", "R2/3"], table.Cells.Where(c => c.Suppressed).Select(c => $"{c.Region}/{c.GradeLevel}").Order());
        Assert.All(table.Cells.Where(c => c.Suppressed), c => Assert.Null(c.Students));
        Assert.Equal(39, table.Cells.Single(c => c.Region == "R1" && c.GradeLevel is null).Students);
        Assert.Equal(124, table.Cells.Single(c => c.Region is null && c.GradeLevel is null).Students);
        Assert.DoesNotContain(table.Gaps, g => g.GradeLevel is "2" or "3" && g.Region is not null);
        // R1 grade 1 has 10 girls and 10 boys: shown, and tested.
        Assert.Equal((10L, 10L), table.Gaps.Where(g => g.Region == "R1" && g.GradeLevel == "1").Select(g => (g.GroupStudents, g.ComparisonStudents)).Single());
    }

    [Fact]
    public async Task The_table_follows_a_new_import_and_stays_within_the_callers_scope()
    {
        await using var temp = await TempStore.CreateAsync();
        var mapping = new ImportMapping
        {
            Columns =
            [
                new() { Header = "student_id", Role = ColumnRole.StudentId },
                new() { Header = "gender", Role = ColumnRole.Gender },
                new() { Header = "math", Role = ColumnRole.Score, Subject = "Math", Scale = GradeScales.PercentId },
            ],
        };
        var first = temp.WriteFile("a.csv", "student_id,gender,math\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"A{i},{(i % 2 == 0 ? "F" : "M")},{30 + i}\n")));
        Assert.True((await temp.Store.ImportAsync(new ImportRequest([first], mapping))).Succeeded);
        var before = await TableAsync(temp.Store, new GapRequest(Within: []));
        Assert.Equal(30, before.Cells.Single().Students);

        // The same students again with every score 10 higher, and ten more in another organisation.
        var changed = temp.WriteFile("b.csv", "student_id,gender,math\n" + string.Concat(Enumerable.Range(1, 30).Select(i => $"A{i},{(i % 2 == 0 ? "F" : "M")},{40 + i}\n")));
        Assert.True((await temp.Store.ImportAsync(new ImportRequest([changed], mapping, AllowChanges: true))).Succeeded);
        var other = temp.WriteFile("c.csv", "student_id,gender,math\n" + string.Concat(Enumerable.Range(1, 10).Select(i => $"B{i},F,90\n")));
        Assert.True((await temp.Store.ImportAsync(new ImportRequest([other], mapping, Organisation: "other"))).Succeeded);

        var after = await TableAsync(temp.Store, new GapRequest(Within: []), Scope.ForOrganisation(ImportRequest.DefaultOrganisation));
        Assert.Equal(30, after.Cells.Single().Students);
        Assert.Equal(before.Cells.Single().Mean!.Value + 10, after.Cells.Single().Mean!.Value, 9);
        var everyone = await TableAsync(temp.Store, new GapRequest(Within: []));
        Assert.Equal(40, everyone.Cells.Single().Students);
        var nobody = await temp.Store.GetGroupAggregatesAsync(Scope.ForOrganisation("' OR '1'='1"), new GapRequest(Within: []));
        Assert.Empty(nobody.Groups);

        // An aggregates-only scope keeps its own minimum whatever the request asks: 15 girls and 15 boys are under 20.
        var analyst = new Scope(ImportRequest.DefaultOrganisation, AggregatesOnly: true, MinimumCellSize: 20);
        var guarded = await TableAsync(temp.Store, new GapRequest(Within: [], MinimumCellSize: 5), analyst);
        Assert.Equal(20, guarded.MinimumCellSize);
        Assert.Empty(guarded.Gaps);
    }
}
