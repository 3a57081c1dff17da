using GradeLens.Core.Storage;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Tests.Tracking;

public sealed class MockBackTestTests
{
    /// <summary>Grades are halves, so the error, bias and share are exact fractions; r agrees to double rounding.</summary>
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Computed independently from the CSV with Python's csv module (U = 0; pairs are the students with both the mock
    /// and the GCSE): n, mean |mock - GCSE|, mean (mock - GCSE), Pearson r, % with |mock - GCSE| at most 1.
    /// </summary>
    public static TheoryData<string, string, long, double, double, double, double> Expected() => new()
    {
        { "Maths", "MOCK 1", 70, 0.9428571428571428, -0.8285714285714286, 0.8477321991020194, 82.85714285714286 },
        { "Maths", "MOCK 2", 68, 1.1470588235294117, -1.1470588235294117, 0.8961995359899111, 73.52941176470588 },
        { "English Lang.", "MOCK 1", 70, 1.0, -0.7428571428571429, 0.7185733695318242, 75.71428571428571 },
        { "English Lang.", "MOCK 2", 66, 0.9242424242424242, -0.4090909090909091, 0.6863000885017727, 81.81818181818181 },
        { "Geography", "MOCK 1", 44, 1.0681818181818181, -0.11363636363636363, 0.722381218219017, 75.0 },
        { "Geography", "MOCK 2", 44, 0.7954545454545454, -0.06818181818181818, 0.7728244219421954, 84.0909090909091 },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Each_mock_against_the_gcse_matches_an_independent_computation_on_the_tracking_file(
        string subject, string series, long n, double mae, double bias, double r, double within)
    {
        await using var temp = await TrackingStores.YellisAsync();

        var tests = await temp.Store.GetMockBackTestsAsync(Scope.Everything, new TrackingFilter(subject));

        Assert.Equal(["MOCK 1", "MOCK 2"], tests.Select(t => t.Series));
        var test = Assert.Single(tests, t => t.Series == series);
        Assert.Equal("GCSE", test.FinalSeries);
        Assert.Equal(n, test.Students);
        Assert.Equal(mae, test.MeanAbsoluteError, Tolerance);
        Assert.Equal(bias, test.MeanDifference, Tolerance);
        Assert.Equal(r, test.Correlation!.Value, Tolerance);
        Assert.Equal(within, test.PercentWithinOneGrade, Tolerance);
        Assert.Equal(1, test.GradeStep);
    }

    [Fact]
    public async Task Every_subject_is_back_tested_when_none_is_chosen_and_small_groups_are_suppressed_for_aggregate_roles()
    {
        await using var temp = await TrackingStores.YellisAsync();

        var all = await temp.Store.GetMockBackTestsAsync(Scope.Everything, new TrackingFilter(""));
        var subjects = all.Select(t => t.Subject).Distinct().ToList();
        Assert.Contains("Maths", subjects);
        Assert.True(subjects.Count >= 10, $"{subjects.Count} subjects back-tested");
        Assert.All(all, t => Assert.Equal("GCSE", t.FinalSeries));

        var aggregates = await temp.Store.GetMockBackTestsAsync(new Scope(null, AggregatesOnly: true, MinimumCellSize: 45), new TrackingFilter(""));
        Assert.All(aggregates, t => Assert.True(t.Students >= 45));
        Assert.DoesNotContain(aggregates, t => t.Subject == "Geography");
        Assert.Contains(aggregates, t => t.Subject == "Maths");
    }

    [Fact]
    public async Task The_groups_of_a_subject_count_its_students_and_a_filter_to_one_group_narrows_the_back_test()
    {
        await using var temp = await TrackingStores.YellisAsync();

        var groups = await temp.Store.GetTrackingGroupsAsync(Scope.Everything, "Maths");
        var gender = Assert.Single(groups, g => g.Attribute == "gender");
        Assert.Equal(["F", "M"], gender.Values.Select(v => v.Value));
        var boxes = await temp.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter("Maths"));
        Assert.Equal(boxes.Max(b => b.N), gender.Values.Sum(v => v.Students));

        var girls = await temp.Store.GetMockBackTestsAsync(Scope.Everything, new TrackingFilter("Maths", "gender", "F"));
        var boys = await temp.Store.GetMockBackTestsAsync(Scope.Everything, new TrackingFilter("Maths", "gender", "M"));
        Assert.Equal([70L, 68L], girls.Zip(boys, (g, b) => g.Students + b.Students));
    }

    [Fact]
    public async Task A_gcse_subject_reads_on_a_nine_to_one_axis_with_U_for_zero()
    {
        await using var temp = await TrackingStores.YellisAsync();

        var scale = await temp.Store.GetSubjectScaleAsync(Scope.Everything, "Maths");

        Assert.NotNull(scale);
        Assert.Equal("gcse-9-1", scale.Id);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), scale.TickValues);
        Assert.Equal(["U", "1", "2", "3", "4", "5", "6", "7", "8", "9"], scale.TickLabels);
        Assert.Null(await temp.Store.GetSubjectScaleAsync(Scope.Everything, "Latin"));
        Assert.Null(await temp.Store.GetSubjectScaleAsync(Scope.ForOrganisation("another school"), "Maths"));
    }

    [Fact]
    public void Letters_name_their_grades_and_twenty_point_scales_tick_every_two()
    {
        var letters = SubjectScale.For("letters-a*-g", 8);
        Assert.Equal(["U", "G", "F", "E", "D", "C", "B", "A", "A*"], letters.TickLabels);
        var twenty = SubjectScale.For("0-20", 20);
        Assert.Equal([0d, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20], twenty.TickValues);
        Assert.Equal(1, twenty.GradeStep);
        var percent = SubjectScale.For("percent", 100);
        Assert.Empty(percent.TickValues);
        Assert.Equal(10, percent.GradeStep);
    }
}
