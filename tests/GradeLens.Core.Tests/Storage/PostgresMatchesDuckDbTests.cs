using GradeLens.Core.Demo;
using GradeLens.Core.Gaps;
using GradeLens.Core.Import;
using GradeLens.Core.Overview;
using GradeLens.Core.Risk;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Postgres;
using GradeLens.Core.Tests.Tracking;
using GradeLens.Core.Tracking;

namespace GradeLens.Core.Tests.Storage;

/// <summary>
/// The same files imported into both stores give the same answer to every read of <see cref="IGradeStore"/>, in every
/// scope. The one allowed difference is which students make up a sample smaller than the subject (DuckDB orders by
/// hash(), PostgreSQL by md5): compared here with a sample as large as the subject.
/// </summary>
public sealed class PostgresMatchesDuckDbTests
{
    private static readonly string[] Subjects = ["Maths", "Drama"];

    private static readonly Scope[] Scopes =
    [
        Scope.Everything,
        Scope.ForOrganisation("trust-b"),
        new("trust-b", ["North"]),
        new(null, AggregatesOnly: true, MinimumCellSize: 5),
    ];

    [PostgresFact]
    public async Task Every_answer_of_the_postgresql_store_is_the_duckdb_stores()
    {
        await using var duck = await TempStore.CreateAsync();
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var postgres = await PostgresStore.OpenAsync(database.Url);
        foreach (var store in new IGradeStore[] { duck.Store, postgres })
        {
            await StoreContractTests.ImportSharedAsync(store, TrackingStores.Yellis);
            await StoreContractTests.ImportSharedAsync(store, StoreContractTests.StudentsPerformance);
            var trust = await store.ImportAsync(new ImportRequest([SharedFiles.Path(TrackingStores.Yellis)], Import.SharedDatasetImportTests.SampleMapping(TrackingStores.Yellis), Organisation: "trust-b"));
            Assert.True(trust.Succeeded, trust.Message);
            var north = duck.WriteFile("north.csv", "student_id,school,gender,subject,series,score\nN1,North,F,Maths,MOCK 1,5\nN2,North,M,Maths,MOCK 1,6\nN3,South,F,Maths,MOCK 1,7\n");
            Assert.True((await store.ImportAsync(new ImportRequest([north], Organisation: "trust-b"))).Succeeded);
            await store.WriteQualityAsync(UniversityQuality.Generate(new Random(3)), "uni");
        }

        foreach (var scope in Scopes)
        {
            var name = $"scope {scope.Organisation ?? "*"}/{string.Join(",", scope.Schools ?? ["*"])}{(scope.AggregatesOnly ? "/aggregates" : "")}";
            await SameAsync(duck.Store, postgres, s => s.GetInfoAsync(scope), $"{name} info", ignoreLocation: true);
            await SameAsync(duck.Store, postgres, s => s.GetTrackingSubjectsAsync(scope), $"{name} tracking subjects");
            foreach (var subject in Subjects)
            {
                var filter = new TrackingFilter(subject);
                var girls = new TrackingFilter(subject, "gender", "F");
                await SameAsync(duck.Store, postgres, s => s.GetSeriesBoxesAsync(scope, filter), $"{name} {subject} boxes");
                await SameAsync(duck.Store, postgres, s => s.GetSeriesBoxesAsync(scope, girls), $"{name} {subject} girls' boxes");
                await SameAsync(duck.Store, postgres, async s => Sorted(await s.GetSubjectStudentsAsync(scope, filter, 10_000)), $"{name} {subject} students");
                await SameAsync(duck.Store, postgres, s => s.GetBaselineComparisonAsync(scope, filter, 10), $"{name} {subject} baseline comparison");
                await SameAsync(duck.Store, postgres, s => s.GetSubjectScaleAsync(scope, subject), $"{name} {subject} scale");
                await SameAsync(duck.Store, postgres, s => s.GetTrackingGroupsAsync(scope, subject), $"{name} {subject} groups");
                await SameAsync(duck.Store, postgres, s => s.GetMockBackTestsAsync(scope, girls), $"{name} {subject} girls' back-test");
            }

            await SameAsync(duck.Store, postgres, s => s.GetMockBackTestsAsync(scope, new TrackingFilter("")), $"{name} back-test of every subject");
            foreach (var student in new[] { "Reese Kilmer", "Henry Berry", "N1" })
            {
                await SameAsync(duck.Store, postgres, s => s.GetSubjectStandingsAsync(scope, student), $"{name} standings of {student}");
                await SameAsync(duck.Store, postgres, s => s.GetStudentResultsAsync(scope, student), $"{name} results of {student}");
            }

            foreach (var request in new GapRequest[] { new(), new("lunch", Within: []), new("race/ethnicity", [GapDimension.School]), new(Within: [GapDimension.Domain]), new("gender", Series: "MOCK 1", Subject: "Maths") })
            {
                await SameAsync(duck.Store, postgres, async s => Sorted(await s.GetGroupAggregatesAsync(scope, request)), $"{name} group aggregates by {request.Attribute}");
            }

            foreach (var request in new GapRequest[] { new(Within: []), new("lunch", [GapDimension.Region]) })
            {
                await SameAsync(duck.Store, postgres, s => s.GetGapTableAsync(scope, request), $"{name} gap table by {request.Attribute}");
            }

            await SameAsync(duck.Store, postgres, s => s.GetAttainmentAsync(scope), $"{name} attainment");
            await SameAsync(duck.Store, postgres, s => s.GetClustersAsync(scope, "MOCK 1", k: 3), $"{name} clusters (MOCK 1, k = 3)");
            await SameAsync(duck.Store, postgres, s => s.GetRiskFeaturesAsync(scope, new RiskRequest("GCSE", "Maths")), $"{name} risk features");
            await SameAsync(duck.Store, postgres, s => s.GetStudentTableAsync(scope, null), $"{name} student table (latest series)");
            await SameAsync(duck.Store, postgres, s => s.GetStudentTableAsync(scope, "MOCK 1"), $"{name} student table (MOCK 1)");
        }
    }

    /// <summary>Groups in a fixed order: GROUPING SETS return them in no particular one (in either store).</summary>
    private static GroupAggregates Sorted(GroupAggregates aggregates) =>
        aggregates with { Groups = aggregates.Groups.OrderBy(g => $"{g.Cell}|{g.Group}", StringComparer.Ordinal).ToList() };

    private static SubjectStudents Sorted(SubjectStudents students) =>
        students with { Students = students.Students.OrderBy(s => s.StudentId, StringComparer.Ordinal).ToList() };

    private static async Task SameAsync<T>(IGradeStore duck, IGradeStore postgres, Func<IGradeStore, Task<T>> read, string what, bool ignoreLocation = false)
    {
        var (expected, expectedError) = await TryAsync(() => read(duck));
        var (actual, actualError) = await TryAsync(() => read(postgres));
        Assert.True(expectedError == actualError, $"{what}: DuckDB said '{expectedError}', PostgreSQL '{actualError}'");
        if (ignoreLocation && expected is StoreInfo left && actual is StoreInfo right)
        {
            actual = (T)(object)(right with { Location = left.Location });
        }

        SameAnswers.Equal(expected, actual, what);
    }

    private static async Task<(T? Value, string? Error)> TryAsync<T>(Func<Task<T>> read)
    {
        try
        {
            return (await read(), null);
        }
        catch (RiskDataException e)
        {
            return (default, e.Message);
        }
    }
}
