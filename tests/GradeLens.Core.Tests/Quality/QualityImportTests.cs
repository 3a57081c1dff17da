using GradeLens.Core.Import;

namespace GradeLens.Core.Tests.Quality;

/// <summary>The Quality import: all or nothing, every rejected row located by file, line and the file's own header.</summary>
public sealed class QualityImportTests : IDisposable
{
    private readonly QualityImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Five_tables_import_and_importing_them_again_changes_nothing()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        _files.WriteBasic();
        var first = await _files.ImportAsync(store);
        Assert.True(first.Succeeded, first.Message);
        Assert.Equal(5, first.Tables.Count);
        Assert.Equal(["he_assessments", "he_enrolments", "he_grades", "he_modules", "he_programmes"], first.Tables.Select(t => t.Table).Order());
        Assert.Equal(5, first.Written["he_grades"]);
        Assert.Equal("40", (await store.RowsAsync("he_assessments"))[0].Split('|')[^1]);
        var before = await QualityImportFiles.TablesAsync(store);

        var again = await _files.ImportAsync(store);
        Assert.True(again.Succeeded, again.Message);
        Assert.Equal(before, await QualityImportFiles.TablesAsync(store));
        Assert.Equal(5, await store.CountAsync("he_grades"));
    }

    [Fact]
    public async Task Every_orphan_and_bad_value_is_rejected_with_its_line_and_header_and_nothing_is_written()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        _files.WriteBasic();
        Assert.True((await _files.ImportAsync(store)).Succeeded);
        var before = await QualityImportFiles.TablesAsync(store);
        _files.WriteBasic(
            modules: QualityImportFiles.Modules + "M3,P9,Optics,2024-Fall\n",
            enrolments: QualityImportFiles.Enrolments + "S3,M7\nS1,M1\nS3,M1\n",
            assessments: QualityImportFiles.Assessments + "A4,M1,Quiz,31/02/2024,,10\nA5,M1,Lab,2024-12-01,2024-11-20,10\n",
            grades: QualityImportFiles.Grades + "S1,A9,2024-10-14,50\nS2,A3,2024-11-01,60\nS1,A1,2024-10-14,61\nS3,A1,,120\nS3,A2,,abc\n");
        var report = await _files.ImportAsync(store);

        Assert.False(report.Succeeded);
        Assert.StartsWith("Nothing was written", report.Message, StringComparison.Ordinal);
        Assert.Equal(before, await QualityImportFiles.TablesAsync(store));
        AssertRejected(report, "modules.csv", 4, "programme", "P9", "a module of an unknown programme");
        AssertRejected(report, "enrolments.csv", 5, "module_id", "M7", "an enrolment in an unknown module");
        AssertRejected(report, "enrolments.csv", 6, "module_id", "S1 / M1", "a second enrolment of the student in the module (the first is line 2)");
        AssertRejected(report, "assessments.csv", 5, "due_date", "31/02/2024", "not a date");
        AssertRejected(report, "assessments.csv", 6, "returned_date", "2024-11-20", "returned before it was due");
        AssertRejected(report, "grades.csv", 7, "assessment_id", "A9", "a grade for an unknown assessment");
        AssertRejected(report, "grades.csv", 8, "student_id", "S2", "the student is not enrolled in module M2");
        AssertRejected(report, "grades.csv", 9, "assessment_id", "S1 / A1", "a second mark of the student for the assessment (the first is line 2)");
        AssertRejected(report, "grades.csv", 10, "mark", "120", "a mark must be within 0-100");
        AssertRejected(report, "grades.csv", 11, "mark", "abc", "not a number");
        Assert.Equal(report.Rejected.Count, report.RejectedTotal);
    }

    [Fact]
    public async Task An_identifier_that_is_a_number_in_one_table_and_text_in_another_is_the_same_id()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        _files.WriteBasic(
            programmes: "programme_id,name,faculty\n7,Physics,Science\n",
            modules: "module_id,programme,title,term\n42,7.0,Mechanics,2024\n",
            enrolments: "student_id,module_id\n1001,42.0\n 1002 ,42\n",
            assessments: "assessment_id,module_id,title,due_date,returned_date,weight\n1,42.0,Essay,2024-10-14,2024-10-30,1\n",
            grades: "student_id,assessment_id,submitted,mark\n1001.0,1.0,,65\n1002,1,,45\n");
        var report = await _files.ImportAsync(store);
        Assert.True(report.Succeeded, string.Join("\n", report.Rejected));
        Assert.Equal(["uni|1001|42", "uni|1002|42"], await store.RowsAsync("he_enrolments"));
        Assert.Equal(["uni|1001|1|∅|65", "uni|1002|1|∅|45"], await store.RowsAsync("he_grades"));
        Assert.Equal(["uni|42|7|Mechanics|2024"], await store.RowsAsync("he_modules"));
    }

    [Fact]
    public async Task Survey_and_visit_orphans_are_rejected_and_a_missing_grades_table_is_a_problem()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        _files.WriteBasic();
        _files.Write("survey.csv", "student_id,module_id,theme,question,score\nS1,M1,Teaching,Clear,4\nS1,M9,Teaching,Clear,5\nS2,M2,Teaching,Clear,3\nS2,M1,Teaching,Clear,7\n");
        _files.Write("support_usage.csv", "student_id,term,service,visits\nS1,2024-Fall,Careers,2\nS9,2024-Fall,Careers,1\nS2,2031-Spring,Library,1\n");
        var report = await _files.ImportAsync(store);
        AssertRejected(report, "survey.csv", 3, "module_id", "M9", "a survey answer about an unknown module");
        AssertRejected(report, "survey.csv", 4, "student_id", "S2", "the student is not enrolled in the module the answer is about");
        AssertRejected(report, "survey.csv", 5, "score", "7", "a score must be 1 to 5");
        AssertRejected(report, "support_usage.csv", 3, "student_id", "S9", "a visit by a student enrolled in no module");
        AssertRejected(report, "support_usage.csv", 4, "term", "2031-Spring", "a visit in a term no module runs in");

        File.Delete(Path.Combine(_files.Directory, "grades.csv"));
        File.Delete(Path.Combine(_files.Directory, "survey.csv"));
        File.Delete(Path.Combine(_files.Directory, "support_usage.csv"));
        var missing = await _files.ImportAsync(store);
        Assert.False(missing.Succeeded);
        Assert.Contains(missing.Problems, p => p.Contains("no table of grades", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_no_quality_table_is_rejected_by_name_and_a_dry_run_writes_nothing()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        _files.WriteBasic();
        _files.Write("budget.csv", "cost centre,amount\nC1,100\n");
        var report = await _files.ImportAsync(store);
        var rejected = Assert.Single(report.Rejected);
        Assert.Equal(("budget.csv", 1L, (string?)null), (rejected.File, rejected.Line, rejected.Column));
        Assert.Contains("not a table the Quality import knows", rejected.Reason, StringComparison.Ordinal);

        File.Delete(Path.Combine(_files.Directory, "budget.csv"));
        var dry = await _files.ImportAsync(store, dryRun: true);
        Assert.True(dry.Succeeded, dry.Message);
        Assert.True(dry.DryRun);
        Assert.Equal(5, dry.Written["he_grades"]);
        Assert.Equal(0, await store.CountAsync("he_grades"));
    }

    private static void AssertRejected(GradeLens.Core.Quality.Import.QualityImportReport report, string file, long line, string column, string? value, string reason)
    {
        var all = string.Join("\n", report.Rejected);
        Assert.True(report.Rejected.Any(r => r.File == file && r.Line == line && r.Column == column && r.Value == value && r.Reason.Contains(reason, StringComparison.Ordinal)),
            $"no rejection {file}:{line} '{column}' '{value}': {reason}; the rejections:\n{all}");
    }
}
