using GradeLens.Core.Explore;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Postgres;
using GradeLens.Core.Tests.Storage;
using Npgsql;

namespace GradeLens.Core.Tests.Explore;

/// <summary>The same SQL text on PostgreSQL (skipped, with the reason, without the test server): same groups, ranks and tests as the reference.</summary>
public sealed class ExploreQueriesPostgresTests
{
    [PostgresFact]
    public async Task Tests_fed_by_postgresql_match_the_reference_and_cells_match_duckdb()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var store = await PostgresStore.OpenAsync(database.Url);
        await StoreContractTests.ImportSharedAsync(store, StoreContractTests.StudentsPerformance);
        await using var connection = new NpgsqlConnection(PostgresUrl.Parse(database.Url).ConnectionString);
        await connection.OpenAsync();
        var subjects = new Dictionary<string, string> { ["math score"] = "Mathematics", ["reading score"] = "Reading", ["writing score"] = "Writing" };

        foreach (var (attribute, subject, entry) in ExploreReference.Tests())
        {
            var scores = await ExploreQueries.GroupsAsync(connection, StoreSqlDialect.Postgres, Scope.ForOrganisation("default"), new ExploreScore(subjects[subject], "Final"), attribute, 1, CancellationToken.None);
            var tests = scores.Tests();
            var name = $"{attribute} x {subject} (PostgreSQL)";
            ExploreReference.Close(entry.Number("anova.f"), tests.Anova?.F, name + " F");
            ExploreReference.Close(entry.Number("welch_anova.f"), tests.Welch?.F, name + " Welch F");
            ExploreReference.Close(entry.Number("kruskal.h"), tests.KruskalWallis?.H, name + " H");
            ExploreReference.CloseRelative(entry.Number("kruskal.p"), tests.KruskalWallis?.P, name + " Kruskal p");
        }

        await using var duck = await ExploreQueriesTests.ExamStoreAsync();
        await using var duckConnection = await duck.Store.OpenConnectionAsync(CancellationToken.None);
        var score = new ExploreScore("Reading", "Final");
        var postgresCells = await ExploreQueries.CellsAsync(connection, StoreSqlDialect.Postgres, Scope.Everything, score, "gender", "lunch", 300, CancellationToken.None);
        var duckCells = await ExploreQueries.CellsAsync(duckConnection, StoreSqlDialect.DuckDb, Scope.Everything, score, "gender", "lunch", 300, CancellationToken.None);
        Assert.Equal(4, postgresCells.Count);
        foreach (var cell in postgresCells)
        {
            var other = duckCells.Single(c => (c.A, c.B) == (cell.A, cell.B));
            Assert.Equal(other.N, cell.N);
            ExploreReference.Close(other.Mean, cell.Mean, $"{cell.A} x {cell.B} mean");
            Assert.Equal(other.Median, cell.Median);
        }
    }
}
