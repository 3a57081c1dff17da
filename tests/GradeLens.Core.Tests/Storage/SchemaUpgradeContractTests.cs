using GradeLens.Core.Accounts;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.Backup;

namespace GradeLens.Core.Tests.Storage;

/// <summary>
/// Every upgrade step on both stores: a store as version 1 or 2 made it (<see cref="OldStores"/>) opens with today's code,
/// keeps its data and accounts, and ends with exactly the columns of a new store, so their backups restore into each other.
/// </summary>
public abstract class SchemaUpgradeContractTests
{
    /// <summary>A new, empty store of this class's kind.</summary>
    protected abstract Task<TestStore> CreateStoreAsync();

    /// <summary>A location of this class's kind holding only what <paramref name="duckDbSql"/> made (DuckDB spelling; PostgreSQL translates it).</summary>
    protected abstract Task<OldStore> CreateOldStoreAsync(string duckDbSql);

    [StoreFact]
    public async Task A_version_2_store_opens_keeps_its_data_and_accounts_and_gains_the_version_3_columns()
    {
        await using var old = await CreateOldStoreAsync(OldStores.Version2());
        await using var store = await StoreLocation.OpenAsync(old.Location);
        var info = await store.GetInfoAsync(Scope.Everything);
        var accounts = new AccountService(store.Accounts);

        Assert.Equal((StoreSchema.Version, 3L, 3L), (info.SchemaVersion, info.Students, info.TableCounts["results"]));
        Assert.Equal(["admin", "cara", "tom"], (await store.Accounts.ListUsersAsync()).Select(u => u.Name));
        var tom = (await accounts.SignInAsync("tom", OldStores.Password)).User!;
        Assert.Equal((Role.Teacher, "trust-a"), (tom.Role, tom.Organisation));
        Assert.Equal(["North School"], tom.Schools);
        Assert.Equal(32, tom.SecurityStamp.Replace("-", "", StringComparison.Ordinal).Length);
        Assert.Equal("tom", (await accounts.AuthenticateApiKeyAsync(OldStores.TomsKey))?.Name);
        var key = Assert.Single(await store.Accounts.Keys.ListAsync("tom"));
        Assert.Equal((OldStores.TomsKeyId, "nightly", ApiKeyState.Active), (key.Id, key.Label, key.StateAt(DateTime.UtcNow)));
        Assert.InRange(key.ExpiresAt, DateTime.UtcNow.AddDays(89), DateTime.UtcNow.AddDays(91));
        Assert.Contains(await store.Accounts.ReadAuditAsync(10), e => e is { User: "cli:root", Detail: "tom (nightly)" });
        Assert.Equal(Convert.FromBase64String("c2VjcmV0IHNlY3JldCBzZWNyZXQgc2VjcmV0IDMyYg=="), await store.Accounts.PseudonymSecretAsync("trust-a"));
        var session = await accounts.StartSessionAsync(tom, "10.0.0.1");
        Assert.Equal("tom", (await accounts.ValidateSessionAsync(session.Id, "tom", tom.SecurityStamp))?.Name);
    }

    [StoreFact]
    public async Task A_version_2_class_named_without_its_school_reaches_nobody_until_an_admin_names_the_school()
    {
        await using var old = await CreateOldStoreAsync(OldStores.Version2());
        await using var store = await StoreLocation.OpenAsync(old.Location);
        var cara = (await store.Accounts.FindUserAsync("cara"))!.Value.User;

        Assert.Equal([new ClassScope(null, "10X")], cara.Classes);
        Assert.Equal(0, (await store.GetInfoAsync(cara.Scope)).Students);
        var accounts = new AccountService(store.Accounts);
        Assert.Null(await accounts.ChangeUserAsync(NewUser.FromInput("cara", Role.Teacher, "trust-a", [], ["North School:10X"])));
        var named = (await store.Accounts.FindUserAsync("cara"))!.Value.User;
        Assert.Equal(1, (await store.GetInfoAsync(named.Scope)).Students);
        Assert.NotEqual(cara.SecurityStamp, named.SecurityStamp);
    }

    [StoreFact]
    public async Task A_version_1_store_is_brought_through_every_step_and_gains_empty_accounts_tables()
    {
        await using var old = await CreateOldStoreAsync(OldStores.Version1);
        await using var store = await StoreLocation.OpenAsync(old.Location);

        var info = await store.GetInfoAsync(Scope.Everything);
        Assert.Equal((StoreSchema.Version, 3L), (info.SchemaVersion, info.Students));
        Assert.Empty(await store.Accounts.ListUsersAsync());
        Assert.Null(await new AccountService(store.Accounts).AddUserAsync(NewUser.FromInput("lena", Role.Leader, "trust-a", [], []), OldStores.Password));
    }

    [StoreFact]
    public async Task An_upgraded_store_has_exactly_the_columns_of_a_new_one_and_its_backup_restores_into_a_new_store()
    {
        await using var fresh = await CreateStoreAsync();
        await using var fromOne = await CreateOldStoreAsync(OldStores.Version1);
        await using var fromTwo = await CreateOldStoreAsync(OldStores.Version2());
        await using var upgradedOne = await StoreLocation.OpenAsync(fromOne.Location);
        await using var upgradedTwo = await StoreLocation.OpenAsync(fromTwo.Location);

        var expected = await ColumnsAsync(fresh.Store);
        Assert.Contains("users.security_stamp 8 ", string.Join("\n", expected), StringComparison.Ordinal);
        Assert.Equal(expected, await ColumnsAsync(upgradedOne));
        Assert.Equal(expected, await ColumnsAsync(upgradedTwo));

        var file = Path.Combine(Path.GetTempPath(), $"gradelens-upgraded-{Guid.NewGuid():N}.duckdb");
        try
        {
            var backup = await ((IStoreBackup)upgradedTwo).BackupAsync(file);
            Assert.True(backup.Succeeded, backup.Message);
            Assert.Equal(StoreSchema.Version, backup.Manifest!.SchemaVersion);
            var restored = await ((IStoreBackup)fresh.Store).RestoreAsync(file);
            Assert.True(restored.Succeeded, restored.Message);
            Assert.Equal("tom", (await new AccountService(fresh.Store.Accounts).AuthenticateApiKeyAsync(OldStores.TomsKey))?.Name);
            Assert.Equal(3, (await fresh.Store.GetInfoAsync(Scope.Everything)).Students);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [StoreFact]
    public async Task A_failing_step_leaves_the_store_at_its_old_version_with_nothing_half_done()
    {
        // A table the step creates is already there: the step fails after it has altered users.
        await using var old = await CreateOldStoreAsync(OldStores.Version2() + "CREATE TABLE sign_in_failures (x INTEGER);");

        await Assert.ThrowsAsync<UnreadableStoreException>(() => StoreLocation.OpenAsync(old.Location));

        var columns = await old.ColumnsAsync();
        Assert.Contains("users.created_at 7 ", string.Join("\n", columns), StringComparison.Ordinal);
        Assert.DoesNotContain(columns, c => c.StartsWith("users.security_stamp", StringComparison.Ordinal) || c.StartsWith("user_sessions.", StringComparison.Ordinal));
        Assert.Equal(2, await old.VersionAsync());
    }

    private static async Task<IReadOnlyList<string>> ColumnsAsync(IGradeStore store)
    {
        await using var connection = await store.OpenConnectionAsync();
        return await OldStores.ColumnsAsync(connection);
    }
}
