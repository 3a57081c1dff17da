using System.Globalization;
using System.Text;
using GradeLens.Core.Explore;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tests.Disclosure;

/// <summary>
/// An analyst tries differencing on every aggregate view: everyone's figures minus every group they can see, for each
/// attribute. Nothing may come back of fewer students than their minimum (one pupil's score least of all), and no view
/// shows an extreme (a single pupil's score).
/// </summary>
public sealed class DifferencingTests
{
    private const int Minimum = 5;

    private static readonly Scope Analyst = new(null, AggregatesOnly: true, MinimumCellSize: Minimum);

    private static readonly string[] Groups = ["teaching_group", "gender"];

    [Fact]
    public async Task Tracking_boxes_shares_and_back_tests_give_nothing_away_by_subtraction()
    {
        await using var temp = await CohortAsync();
        foreach (var attribute in Groups)
        {
            var values = (await temp.Store.GetTrackingGroupsAsync(Scope.Everything, "Maths")).Single(g => g.Attribute == attribute).Values.Select(v => v.Value).ToList();
            var everyone = await temp.Store.GetSeriesBoxesAsync(Analyst, new TrackingFilter("Maths"));
            var shares = await temp.Store.GetBaselineComparisonAsync(Analyst, new TrackingFilter("Maths"), 10);
            var tests = await temp.Store.GetMockBackTestsAsync(Analyst, new TrackingFilter("Maths"));
            var boxes = new List<SeriesBox>();
            var groupShares = new List<BaselineShare>();
            var groupTests = new List<MockBackTest>();
            foreach (var value in values)
            {
                var filter = new TrackingFilter("Maths", attribute, value);
                boxes.AddRange(await temp.Store.GetSeriesBoxesAsync(Analyst, filter));
                groupShares.AddRange((await temp.Store.GetBaselineComparisonAsync(Analyst, filter, 10)).Shares);
                groupTests.AddRange(await temp.Store.GetMockBackTestsAsync(Analyst, filter));
            }

            Assert.All(everyone.Concat(boxes), b => Assert.True(b.Minimum is null && b.Maximum is null && b.LowerWhisker is null && b.UpperWhisker is null, $"{b.Series}: an extreme is shown"));
            foreach (var total in everyone)
            {
                var parts = boxes.Where(b => b.Series == total.Series).ToList();
                Residual(total.N - parts.Sum(b => b.N), $"{attribute}: {total.Series} box");
            }

            foreach (var total in shares.Shares)
            {
                Residual(total.Students - groupShares.Where(s => s.Series == total.Series).Sum(s => s.Students), $"{attribute}: {total.Series} baseline shares");
            }

            foreach (var total in tests)
            {
                Residual(total.Students - groupTests.Where(t => t.Series == total.Series).Sum(t => t.Students), $"{attribute}: {total.Series} back-test");
            }
        }
    }

    [Fact]
    public async Task Explore_groups_and_gap_cells_give_nothing_away_by_subtraction()
    {
        await using var temp = await CohortAsync();
        var everyone = (await temp.Store.GetSeriesBoxesAsync(Analyst, new TrackingFilter("Maths"))).Single(b => b.Series == "GCSE");
        foreach (var attribute in Groups)
        {
            var view = await temp.Store.GetExploreAsync(Analyst, new ExploreRequest(new ExploreScore("Maths", "GCSE"), attribute));
            Residual(everyone.N - view.Groups.Sum(g => g.Students), $"explore by {attribute}");

            var table = (await temp.Store.GetGapTableAsync(Analyst, new GapRequest(attribute, [], "GCSE", "Maths"))).Table!;
            var cell = table.Cells.Single(c => c.Subject == "Maths");
            var shown = table.Gaps.Where(g => g.Subject == "Maths").SelectMany(g => new[] { (g.Group, g.GroupStudents) }).Distinct().Sum(g => g.GroupStudents);
            Assert.True(table.Gaps.All(g => g.GroupStudents >= Minimum && g.ComparisonStudents >= Minimum), $"gaps by {attribute}: a group under the minimum is compared");
            if (table.Gaps.Count(g => g.Subject == "Maths") > 2)
            {
                Residual((cell.Students ?? 0) - shown, $"gaps by {attribute}");
            }
        }
    }

    /// <summary>What subtraction leaves: nothing, or at least the minimum together.</summary>
    private static void Residual(long students, string what) =>
        Assert.True(students == 0 || students >= Minimum, $"{what}: {students} student(s) can be had by subtraction (minimum {Minimum})");

    /// <summary>40 pupils in Maths (baseline, two mocks, the GCSE): teaching groups A (20), B (17), C (1) and 2 with none; 21 girls, 19 boys.</summary>
    private static async Task<TempStore> CohortAsync()
    {
        var temp = await TempStore.CreateAsync();
        var csv = new StringBuilder("student,gender,teaching_group,series,score\n");
        for (var i = 0; i < 40; i++)
        {
            var group = i < 20 ? "A" : i < 37 ? "B" : i == 37 ? "C" : "";
            foreach (var (series, shift) in new[] { ("BASELINE", 0), ("MOCK 1", -1), ("MOCK 2", 0), ("GCSE", 1) })
            {
                csv.Append(CultureInfo.InvariantCulture, $"P{i:00},{(i % 2 == 0 || i == 39 ? "F" : "M")},{group},{series},{Math.Clamp(3 + (i % 5) + shift, 0, 9)}\n");
            }
        }

        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("cohort.csv", csv.ToString())], new ImportMapping
        {
            BaselineSeries = ["BASELINE"],
            DefaultSubject = "Maths",
            Columns =
            [
                new() { Header = "student", Role = ColumnRole.StudentId },
                new() { Header = "gender", Role = ColumnRole.Gender },
                new() { Header = "teaching_group", Role = ColumnRole.Attribute },
                new() { Header = "series", Role = ColumnRole.Series },
                new() { Header = "score", Role = ColumnRole.Score, Scale = GradeScales.Gcse91Id },
            ],
        }));
        Assert.True(report.Succeeded, report.Message);
        return temp;
    }
}
