using GradeLens.Core.Benchmarks;
using GradeLens.Core.Demo;
using GradeLens.Core.Quality;
using GradeLens.Core.Storage;
using GradeLens.Core.Tests.Storage;
using MiniExcelLibs;

namespace GradeLens.Core.Tests.Quality;

/// <summary>The shapes a university's export takes: a workbook, the study's own tables, a generated folder; and both stores.</summary>
public sealed class QualityImportFormatsTests : IDisposable
{
    private readonly QualityImportFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_workbook_with_a_sheet_per_table_imports_with_its_number_ids_and_date_cells()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        var due = new DateTime(2024, 10, 14);
        MiniExcel.SaveAs(Path.Combine(_files.Directory, "university.xlsx"), new Dictionary<string, object>
        {
            ["Programmes"] = new[] { new { programme_code = 7, programme_name = "Physics", faculty = "Science" } },
            ["Modules"] = new[] { new { module_code = 42, programme = 7, module_title = "Mechanics", semester = "2024-Fall" } },
            ["Enrolments"] = new[] { new { student_number = 1001, module_code = 42 }, new { student_number = 1002, module_code = 42 } },
            ["Assessments"] = new[] { new { assessment_id = 1, module_code = 42, title = "Essay", deadline = due, feedback_date = due.AddDays(16), weighting = 100.0 } },
            ["Grades"] = new[] { new { student_number = 1001, assessment_id = 1, mark = 64.5 }, new { student_number = 1002, assessment_id = 1, mark = 38.0 } },
        });
        var report = await _files.ImportAsync(store);
        Assert.True(report.Succeeded, report.Message + string.Join("\n", report.Rejected));
        Assert.Equal(["Assessments", "Enrolments", "Grades", "Modules", "Programmes"], report.Tables.Select(t => t.Sheet!).Order());
        Assert.Equal(["uni|1|42|Essay|2024-10-14|2024-10-30|100"], await store.RowsAsync("he_assessments"));
        Assert.Equal(["uni|1001|1|∅|64.5", "uni|1002|1|∅|38"], await store.RowsAsync("he_grades"));
        Assert.Equal(["uni|42|7|Mechanics|2024-Fall"], await store.RowsAsync("he_modules"));
    }

    [Fact]
    public async Task The_studys_own_tables_import_with_programme_names_survey_means_visit_counts_and_the_optional_tables()
    {
        await using var store = await QualityTestStore.DuckDbAsync();
        _files.Write("students.csv", "student_id,programme,intake,wp_flag,age_band,gender\n1,Pharmacy,2023-Sep,0,21-24,F\n2,Nursing,2023-Sep,1,<21,F\n");
        _files.Write("modules.csv", "module_id,programme,term,credits\n1,Pharmacy,2023-Fall,17\n2,Nursing,2023-Fall,18\n");
        _files.Write("enrolments.csv", "student_id,module_id,term\n1,1,2023-Fall\n2,2,2023-Fall\n");
        _files.Write("assessments.csv", "assessment_id,module_id,type,due_date,weight,returned_date\n1,1,CW1,2023-10-02,0.41,2023-10-20\n2,2,Exam,2023-12-04,0.5,2023-12-19\n");
        _files.Write("grades.csv", "student_id,assessment_id,score_pct\n1,1,66.2\n2,2,58.9\n");
        _files.Write("surveys.csv", "survey_id,module_id,term,theme,qaa_theme,mean_score_1_5,responses\n1,1,2023-Fall,Assessment,Assessment,4.1,120\n2,2,2023-Fall,Assessment,Assessment,3.2,80\n");
        _files.Write("support_usage.csv", "student_id,term,service,visits\n1,2023-Fall,Advising,2\n2,2023-Fall,MathLab,1\n");
        _files.Write("complaints.csv", "complaint_id,student_id,category,submitted_date,resolved_date,upheld_flag\n1,2,Assessment,2024-01-10,2024-02-01,1\n");
        _files.Write("placements.csv", "student_id,partner,start_date,end_date,outcome\n1,NHS-A,2024-02-01,2024-04-30,Pass\n");
        _files.Write("admissions.csv", "app_id,student_id,route,offer_status,decision_date\n1,1,Domestic,Offer,2023-04-21\n9,,International,Reject,2023-05-02\n");
        var report = await _files.ImportAsync(store);
        Assert.True(report.Succeeded, report.Message + string.Join("\n", report.Rejected));
        Assert.Equal("survey summaries", report.Tables.Single(t => t.File == "surveys.csv").Kind);
        Assert.Equal("theme", report.Tables.Single(t => t.File == "surveys.csv").Columns["theme"]);
        Assert.Null(report.Tables.Single(t => t.File == "students.csv").Table);
        Assert.Contains(report.Notes, n => n.Contains("students table", StringComparison.Ordinal));
        Assert.Contains(report.Notes, n => n.Contains("No programmes table", StringComparison.Ordinal));
        // A module without a title is called by its id; its programme is the programme's name, which is the derived programme's id.
        Assert.Equal(["uni|1|Pharmacy|1|2023-Fall", "uni|2|Nursing|2|2023-Fall"], await store.RowsAsync("he_modules"));
        Assert.Equal(["uni|Nursing|Nursing|∅", "uni|Pharmacy|Pharmacy|∅"], await store.RowsAsync("he_programmes"));
        Assert.Equal(["uni|1|2|Assessment|2024-01-10|2024-02-01|True"], await store.RowsAsync("he_complaints"));
        Assert.Equal(["uni|1|1|Domestic|Offer|2023-04-21", "uni|9|∅|International|Reject|2023-05-02"], await store.RowsAsync("he_admissions"));
        Assert.Single(await store.RowsAsync("he_placements"));

        var engagement = await QualityQueries.EngagementAsync(store.Connection, store.Sql, Scope.ForOrganisation("uni"), QualityFilter.All, QualityOptions.Default, default);
        var theme = Assert.Single(engagement.Surveys);
        Assert.Equal(("summaries", 200L, (4.1 * 120 + 3.2 * 80) / 200), (theme.Source, theme.Responses, theme.MeanScore!.Value), new ToleranceComparer());
        Assert.Null(theme.Positive);
        Assert.Null(theme.ResponseRate);
        Assert.False(theme.Withheld);
        Assert.Contains("% positive cannot be computed", theme.Note, StringComparison.Ordinal);
        Assert.Contains(engagement.Notes, n => n.Contains("% positive cannot be computed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_generated_universitys_csv_folder_imports_to_exactly_the_rows_it_was_generated_from()
    {
        foreach (var shape in new[] { UniversityShape.ForStudents(1_000), UniversityShape.Demo with { StudentsPerProgramme = 120 } })
        {
            var folder = Path.Combine(_files.Directory, $"u{shape.Programmes}");
            QualityCsvWriter.Write(folder, shape, seed: 21);
            await using var imported = await QualityTestStore.DuckDbAsync();
            var report = await GradeLens.Core.Quality.Import.QualityImport.ImportAsync(new([folder], "uni"), imported.Connection, imported.Sql, default);
            Assert.True(report.Succeeded, report.Message + string.Join("\n", report.Rejected.Take(5)));
            await using var written = await QualityTestStore.WithAsync(postgres: false, UniversityQuality.Generate(new Random(21), shape));
            Assert.Equal(await QualityImportFiles.TablesAsync(written), await QualityImportFiles.TablesAsync(imported));
        }
    }

    [PostgresFact]
    public async Task A_postgresql_store_gets_the_same_tables_and_answers_from_the_same_files()
    {
        var folder = Path.Combine(_files.Directory, "bench");
        QualityCsvWriter.Write(folder, UniversityShape.ForStudents(1_000), seed: 22);
        await using var duck = await QualityTestStore.DuckDbAsync();
        await using var postgres = await QualityTestStore.PostgresAsync();
        foreach (var store in new[] { duck, postgres })
        {
            var report = await GradeLens.Core.Quality.Import.QualityImport.ImportAsync(new([folder], "uni"), store.Connection, store.Sql, default);
            Assert.True(report.Succeeded, report.Message);
            Assert.True((await GradeLens.Core.Quality.Import.QualityImport.ImportAsync(new([folder], "uni"), store.Connection, store.Sql, default)).Succeeded);
        }

        Assert.Equal(await QualityImportFiles.TablesAsync(duck), await QualityImportFiles.TablesAsync(postgres));
        var scope = Scope.ForOrganisation("uni");
        var options = QualityOptions.Default with { Marks = new MarkRule(Weighted: true) };
        async Task<object[]> AnswersAsync(QualityTestStore s) =>
        [
            await QualityQueries.PassRatesAsync(s.Connection, s.Sql, scope, QualityFilter.All, options, default),
            await QualityQueries.TurnaroundAsync(s.Connection, s.Sql, scope, new QualityFilter(Term: "2025-Spring"), options, WorkingDayCalendar.EnglandAndWales, QualityTestData.AsOf, default),
            await QualityQueries.EngagementAsync(s.Connection, s.Sql, scope, QualityFilter.All, options, default),
            await QualityQueries.AtRiskAsync(s.Connection, s.Sql, scope, new QualityFilter(Programme: "P2"), options, default),
            await QualityQueries.TrendsAsync(s.Connection, s.Sql, scope, QualityFilter.All, options, default),
        ];
        SameAnswers.Equal(await AnswersAsync(duck), await AnswersAsync(postgres), "quality answers");
    }

    private sealed class ToleranceComparer : IEqualityComparer<(string, long, double)>
    {
        public bool Equals((string, long, double) x, (string, long, double) y) => x.Item1 == y.Item1 && x.Item2 == y.Item2 && Math.Abs(x.Item3 - y.Item3) < 1e-9;

        public int GetHashCode((string, long, double) obj) => 0;
    }
}
