using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Postgres;

namespace GradeLens.Core.Tests.Import.Messy;

/// <summary>The second-generation import on PostgreSQL: the same answers as on DuckDB (skipped without the test server).</summary>
public sealed class PostgresImportTests
{
    [PostgresFact]
    public async Task Changes_cohorts_enrolments_related_tables_and_undo_work_on_postgresql_as_on_duckdb()
    {
        await using var duck = await TempStore.CreateAsync();
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var postgres = await PostgresStore.OpenAsync(database.Url);
        var outcomes = new List<string>();
        foreach (var store in new IGradeStore[] { duck.Store, postgres })
        {
            var first = await store.ImportAsync(new ImportRequest([duck.WriteFile("a.csv", "student_id,gender,course,teacher,score\nA1,F,Maths,Ms Khan,57\nA1,F,Physics,Mr Ode,61\nA2,male,Maths,Ms Khan,70\n")]));
            Assert.True(first.Succeeded, first.Message);
            var afterFirst = await store.GetInfoAsync(Scope.Everything);

            var refused = await store.ImportAsync(new ImportRequest([duck.WriteFile("b.csv", "student_id,gender,course,teacher,score\nA1,F,Maths,Ms Khan,5\nA3,F,Maths,Ms Roy,44\n")]));
            Assert.False(refused.Succeeded);
            var changed = await store.ImportAsync(new ImportRequest([duck.PathOf("b.csv")], AllowChanges: true));
            Assert.True(changed.Succeeded, changed.Message);
            Assert.Equal("A1: Mathematics / Final 57 -> 5", Assert.Single(changed.Written.Changes).ToString().Replace("Maths", "Mathematics", StringComparison.Ordinal));

            var exams = await store.ImportAsync(new ImportRequest([duck.WriteFile("pct.csv", "student_id,gender,subject,score\nP1,F,Maths,4.5\nP2,M,Maths,8\n")], Cohort: "Mocks"));
            Assert.True(exams.Succeeded, exams.Message);

            var related = await store.ImportAsync(new ImportRequest(RelatedFiles(duck), Organisation: "uni"));
            Assert.True(related.Succeeded, related.Message);

            Assert.True((await store.UndoImportAsync(related.ImportId!.Value, "test")).Succeeded);
            Assert.True((await store.UndoImportAsync(exams.ImportId!.Value, "test")).Succeeded);
            var undone = await store.UndoImportAsync(changed.ImportId!.Value, "test");
            Assert.True(undone.Succeeded, undone.Message);
            Assert.Equal(afterFirst.TableCounts.Where(c => c.Key != "import_log"), (await store.GetInfoAsync(Scope.Everything)).TableCounts.Where(c => c.Key != "import_log"));
            outcomes.Add(string.Join("|", first.Written.Summary(), changed.Written.Summary(), exams.Written.Summary(), related.Written.Summary(), undone.Removed, undone.Restored));
        }

        Assert.Equal(outcomes[0], outcomes[1]);
    }

    private static string[] RelatedFiles(TempStore temp) =>
    [
        temp.WriteFile("results.csv", "id_assessment,id_student,score\n101,S1,78\n102,S1,81\n101,S2,55\n"),
        temp.WriteFile("assessments.csv", "id_assessment,code_module,assessment_type,date\n101,AAA,TMA,19\n102,AAA,TMA,54\n"),
        temp.WriteFile("students.csv", "id_student,gender,region\nS1,F,North\nS2,M,South\n"),
    ];
}
