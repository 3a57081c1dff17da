using System.Globalization;
using System.Text;
using GradeLens.Core.Filters;
using GradeLens.Core.Import.Mapping;

namespace GradeLens.Core.Tests.Filters;

/// <summary>
/// The page filters (issue 17.9): a school, a class within it and a year group narrow every read that takes the scope, in
/// SQL; the choices are those of the caller's reach; a value outside it is refused naming its field.
/// </summary>
public sealed class StudentFilterTests
{
    // 48 students: North (30: classes 10A and 10B of year 10, 11A of year 11) and South (18: its own 10A, year 10).
    private static (string School, string Class, string Year) Place(int i) =>
        i < 12 ? ("North", "10A", "10") : i < 22 ? ("North", "10B", "10") : i < 30 ? ("North", "11A", "11") : ("South", "10A", "10");

    [Fact]
    public async Task The_choices_are_the_schools_classes_within_their_school_and_year_groups_with_their_students()
    {
        await using var temp = await CohortAsync();

        var choices = await temp.Store.GetStudentFilterChoicesAsync(Scope.Everything);

        Assert.Equal([("North", 30), ("South", 18)], choices.Schools.Select(c => (c.Value, c.Students)));
        Assert.Equal([("10A", "North", 12), ("10A", "South", 18), ("10B", "North", 10), ("11A", "North", 8)], choices.Classes.Select(c => (c.Value, c.School!, c.Students)));
        Assert.Equal([("10", 40), ("11", 8)], choices.YearGroups.Select(c => (c.Value, c.Students)));
        // A teacher of South sees South's choices only, whatever filter the page carries.
        var south = new Scope(null, Schools: ["South"]).Narrowed(new StudentFilter(YearGroup: "10"));
        Assert.Equal(["South"], (await temp.Store.GetStudentFilterChoicesAsync(south)).Schools.Select(c => c.Value));
    }

    [Theory]
    [InlineData(null, null, null, 48)]
    [InlineData("North", null, null, 30)]
    [InlineData("North", "10A", null, 12)]
    [InlineData(null, "10A", null, 30)]
    [InlineData("South", "10A", null, 18)]
    [InlineData(null, null, "11", 8)]
    [InlineData("North", null, "10", 22)]
    public async Task A_filter_narrows_the_tracking_boxes_and_the_students_to_exactly_its_students(string? school, string? name, string? year, int expected)
    {
        await using var temp = await CohortAsync();
        var scope = Scope.Everything.Narrowed(new StudentFilter(school, name, year));

        var boxes = await temp.Store.GetSeriesBoxesAsync(scope, new TrackingFilter("Maths"));
        var ids = await temp.Store.GetStudentIdsAsync(scope);

        Assert.All(boxes, b => Assert.Equal(expected, b.N));
        Assert.Equal(expected, ids.Count);
        Assert.All(ids, id =>
        {
            var place = Place(int.Parse(id[1..], CultureInfo.InvariantCulture));
            Assert.True((school ?? place.School, name ?? place.Class, year ?? place.Year) == place, id);
        });
    }

    [Fact]
    public async Task A_narrowed_answer_is_kept_apart_from_the_whole_one()
    {
        await using var temp = await CohortAsync();

        var whole = await temp.Store.GetSeriesBoxesAsync(Scope.Everything, new TrackingFilter("Maths"));
        var north = await temp.Store.GetSeriesBoxesAsync(Scope.Everything.Narrowed(new StudentFilter("North")), new TrackingFilter("Maths"));

        Assert.Equal((48, 30), (whole[0].N, north[0].N));
        Assert.Same(Scope.Everything, Scope.Everything.Narrowed(new StudentFilter()));
        Assert.Null(Scope.Everything.Narrowed(new StudentFilter("North")).WithoutFilter().Filter);
    }

    [Fact]
    public async Task A_value_outside_the_callers_reach_is_refused_naming_its_field_and_the_choices()
    {
        await using var temp = await CohortAsync();
        var south = await temp.Store.GetStudentFilterChoicesAsync(new Scope(null, Schools: ["South"]));

        Assert.Equal("school", south.Refusal(new StudentFilter("North"))!.Value.Field);
        Assert.Contains("Choose one of: South.", south.Refusal(new StudentFilter("North"))!.Value.Message, StringComparison.Ordinal);
        var @class = south.Refusal(new StudentFilter("South", "10B"))!.Value;
        Assert.Equal(("class", "'10B' is not a class of South. Choose one of: 10A."), (@class.Field, @class.Message));
        Assert.Equal("yearGroup", south.Refusal(new StudentFilter(YearGroup: "11"))!.Value.Field);
        Assert.Null(south.Refusal(new StudentFilter("South", "10A", "10")));
    }

    private static async Task<TempStore> CohortAsync()
    {
        var temp = await TempStore.CreateAsync();
        var csv = new StringBuilder("student,school,year,teaching_group,series,score\n");
        for (var i = 0; i < 48; i++)
        {
            var (school, name, year) = Place(i);
            foreach (var (series, shift) in new[] { ("Mock 1", -1), ("Final", 0) })
            {
                csv.Append(CultureInfo.InvariantCulture, $"P{i:00},{school},{year},{name},{series},{Math.Clamp(3 + (i % 5) + shift, 1, 9)}\n");
            }
        }

        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("cohort.csv", csv.ToString())], new ImportMapping
        {
            DefaultSubject = "Maths",
            Columns =
            [
                new() { Header = "student", Role = ColumnRole.StudentId },
                new() { Header = "school", Role = ColumnRole.School },
                new() { Header = "year", Role = ColumnRole.GradeLevel },
                new() { Header = "teaching_group", Role = ColumnRole.Attribute },
                new() { Header = "series", Role = ColumnRole.Series },
                new() { Header = "score", Role = ColumnRole.Score, Scale = GradeScales.Gcse91Id },
            ],
        }));
        Assert.True(report.Succeeded, report.Message);
        return temp;
    }
}
