using GradeLens.Core.Import;
using GradeLens.Core.Storage;

namespace GradeLens.Core.Tests.Import.Messy;

/// <summary>Issue 17.4: scales never merge into one subject; every import has an id and can be undone exactly.</summary>
public sealed class CohortAndUndoTests
{
    private const string Gcse = "student_id,gender,subject,score\nG1,F,Mathematics,5\nG2,M,Mathematics,7\nG3,F,Mathematics,4.5\n";
    private const string Percent = "student_id,gender,subject,score\nP1,F,Mathematics,62\nP2,M,Mathematics,81\nP3,F,Mathematics,45\n";

    [Fact]
    public async Task A_file_on_another_scale_than_the_stored_subject_is_refused_with_a_question_or_imported_as_its_own_cohort()
    {
        await using var temp = await TempStore.CreateAsync();
        Assert.True((await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("gcse.csv", Gcse)]))).Succeeded);
        var before = await temp.Store.GetInfoAsync(Scope.Everything);

        var exams = temp.WriteFile("exams.csv", Percent);
        var refused = await temp.Store.ImportAsync(new ImportRequest([exams]));
        Assert.False(refused.Succeeded);
        Assert.NotNull(refused.Question);
        Assert.StartsWith("exams.csv: its Mathematics scores for 'Final' are on the percent scale, but Mathematics / Final is already stored on the gcse-9-1 scale", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before.TableCounts, (await temp.Store.GetInfoAsync(Scope.Everything)).TableCounts);

        var cohort = await temp.Store.ImportAsync(new ImportRequest([exams], Cohort: "Exam table 2024"));
        Assert.True(cohort.Succeeded, cohort.Message);
        var info = await temp.Store.GetInfoAsync(Scope.Everything);
        Assert.Equal(["Exam table 2024: Final", "Final"], info.Series.Order(StringComparer.Ordinal));
        Assert.Equal(3, info.TableCounts["student_attributes"]);
    }

    [Fact]
    public async Task Undo_removes_exactly_what_an_import_added_and_sets_back_what_it_changed()
    {
        await using var temp = await TempStore.CreateAsync();
        var first = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("a.csv", "student_id,gender,lunch,math score\nA1,F,free,57\nA2,M,standard,61\n")]));
        Assert.Equal(1, first.ImportId);
        var before = await ValueImportTests.StoredScoresAsync(temp);
        var counts = (await temp.Store.GetInfoAsync(Scope.Everything)).TableCounts;

        // The second import changes A1's score and lunch, adds A3 and a new subject for A2.
        var second = await temp.Store.ImportAsync(new ImportRequest(
            [temp.WriteFile("b.csv", "student_id,gender,lunch,math score,reading score\nA1,F,standard,5,\nA2,M,standard,61,70\nA3,F,free,44,52\n")], AllowChanges: true));
        Assert.True(second.Succeeded, second.Message);
        Assert.Equal(2, second.ImportId);
        Assert.Equal(2, second.Written.ChangesTotal);

        var refused = await temp.Store.UndoImportAsync(1, "test");
        Assert.False(refused.Succeeded);
        Assert.Contains("undo 2 first", refused.Message, StringComparison.Ordinal);

        var undone = await temp.Store.UndoImportAsync(2, "test");
        Assert.True(undone.Succeeded, undone.Message);
        Assert.Equal(before, await ValueImportTests.StoredScoresAsync(temp));
        Assert.Equal(counts.Where(c => c.Key != "import_log"), (await temp.Store.GetInfoAsync(Scope.Everything)).TableCounts.Where(c => c.Key != "import_log"));
        var lunch = await temp.Store.GetGroupAggregatesAsync(Scope.Everything, new Core.Gaps.GapRequest("lunch", Within: []));
        Assert.Equal(["free", "standard"], lunch.Groups.Select(g => g.Group).Distinct().Order(StringComparer.Ordinal));
        Assert.False((await temp.Store.UndoImportAsync(2, "test")).Succeeded);

        Assert.True((await temp.Store.UndoImportAsync(1, "test")).Succeeded);
        Assert.All((await temp.Store.GetInfoAsync(Scope.Everything)).TableCounts.Where(c => c.Key != "import_log"), c => Assert.Equal(0, c.Value));
    }

    [Fact]
    public async Task Male_and_female_are_merged_with_M_and_F_and_the_merge_is_in_the_mapping()
    {
        await using var temp = await TempStore.CreateAsync();
        var report = await temp.Store.ImportAsync(new ImportRequest([temp.WriteFile("g.csv",
            "student_id,gender,lunch,math score\nA1,female,Free,55\nA2,male,free ,61\nA3,Male,free,70\nA4,F,Standard,48\n")]));
        Assert.True(report.Succeeded, report.Message);
        var mapping = Assert.Single(report.Tables).Mapping;
        var gender = mapping.Columns.Single(c => c.Header == "gender").Values!;
        Assert.Equal([("Male", "M"), ("female", "F"), ("male", "M")], gender.Select(v => (v.Key, v.Value)).OrderBy(v => v.Key, StringComparer.Ordinal));
        Assert.Equal("free", mapping.Columns.Single(c => c.Header == "lunch").Values!["Free"]);
        Assert.Contains(Assert.Single(report.Tables).Notes, n => n.StartsWith("'gender': values that mean the same were merged", StringComparison.Ordinal));
        var genders = await temp.Store.GetGroupAggregatesAsync(Scope.Everything, new Core.Gaps.GapRequest(Within: []));
        Assert.Equal(["F", "M"], genders.Groups.Select(g => g.Group).Distinct().Order(StringComparer.Ordinal));
    }
}
