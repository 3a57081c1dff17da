using GradeLens.Core.Import;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Postgres;
using GradeLens.Core.Tests.Tracking;

namespace GradeLens.Core.Tests.Storage;

/// <summary>The store contract on PostgreSQL: a new database on the test server per test; and what only PostgreSQL can get wrong.</summary>
[RequiresPostgres]
public sealed class PostgresStoreContractTests : StoreContractTests
{
    protected override async Task<TestStore> CreateStoreAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync();
        return new TestStore(await PostgresStore.OpenAsync(database.Url), database.DisposeAsync);
    }

    [StoreFact]
    public async Task A_failure_while_writing_rolls_the_whole_import_back()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await using var store = await PostgresStore.OpenAsync(database.Url);
        // The baselines are written last: a trigger failing there proves the students and results before it go too.
        await database.ExecuteAsync("""
            CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk full (test)'; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON baselines FOR EACH ROW EXECUTE FUNCTION refuse();
            """);

        var report = await store.ImportAsync(new ImportRequest([SharedFiles.Path(TrackingStores.Yellis)], Import.SharedDatasetImportTests.SampleMapping(TrackingStores.Yellis)));

        Assert.False(report.Succeeded);
        Assert.Contains("nothing was written", report.Message, StringComparison.Ordinal);
        // What to do, in the user's words; the database's own text stays in its log.
        Assert.Contains("the store refused to write it", report.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("disk full (test)", report.Message, StringComparison.Ordinal);
        var info = await store.GetInfoAsync(Scope.Everything);
        Assert.All(info.TableCounts, count => Assert.Equal(0, count.Value));
    }

    [StoreFact]
    public async Task A_store_of_another_schema_version_is_refused_and_left_unchanged()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await (await PostgresStore.OpenAsync(database.Url)).DisposeAsync();
        await database.ExecuteAsync("UPDATE schema_info SET version = 99");

        var error = await Assert.ThrowsAsync<StoreVersionException>(() => PostgresStore.OpenAsync(database.Url));

        Assert.Equal(99, error.Found);
        Assert.StartsWith(database.Url + " holds a GradeLens store of schema version 99", error.Message, StringComparison.Ordinal);
        await database.ExecuteAsync("DO $$ BEGIN IF (SELECT version FROM schema_info) <> 99 THEN RAISE EXCEPTION 'changed'; END IF; END $$");
    }

    [StoreFact]
    public async Task A_database_with_other_tables_is_refused_with_a_sentence()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await database.ExecuteAsync("CREATE TABLE invoices (id integer)");

        var error = await Assert.ThrowsAsync<UnreadableStoreException>(() => StoreLocation.OpenAsync(database.Url));

        Assert.Equal(database.Url + " is a PostgreSQL database but not a GradeLens store (it has other tables and no GradeLens schema). It was not changed; use an empty database for --store.", error.Message);
    }

    [StoreFact]
    public async Task The_location_never_shows_the_password()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var withPassword = database.Url.Replace("postgres@", "postgres:s3cret@", StringComparison.Ordinal);

        await using var store = await StoreLocation.OpenAsync(withPassword);

        Assert.Equal(database.Url, store.Location);
        Assert.DoesNotContain("s3cret", PostgresUrl.Parse(withPassword).Display, StringComparison.Ordinal);
        Assert.Contains("Password=s3cret", PostgresUrl.Parse(withPassword).ConnectionString, StringComparison.Ordinal);
    }
}
