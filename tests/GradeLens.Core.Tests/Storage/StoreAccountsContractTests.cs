using GradeLens.Core.Accounts;
using GradeLens.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace GradeLens.Core.Tests.Storage;

/// <summary>The accounts tables on both stores: users and their reach, sessions, keys, failures, the audit log, pseudonym secrets.</summary>
public abstract class StoreAccountsContractTests
{
    private static readonly DateTime Start = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    protected abstract Task<TestStore> CreateStoreAsync();

    [StoreFact]
    public async Task Accounts_keep_users_with_their_reach_api_keys_the_audit_log_and_pseudonym_secrets()
    {
        await using var store = await CreateStoreAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(Start));
        var accounts = new AccountService(store.Store.Accounts, clock);
        var accountStore = store.Store.Accounts;

        Assert.Null(await accounts.AddUserAsync(NewUser.FromInput("tom", Role.Teacher, "trust-a", ["North"], ["North:10X", "South Academy: Upper:11Z"]), "correct horse battery"));
        Assert.NotNull(await accounts.AddUserAsync(new NewUser("tom", Role.Leader, "trust-a", [], []), "another password entirely"));
        var key = (await accounts.IssueKeyAsync("tom", "nightly script", 30))!;
        await accountStore.AppendAuditAsync(new AuditEntry(new DateTime(2026, 11, 23, 9, 30, 0, DateTimeKind.Utc), "tom", "import", "marks.csv", "127.0.0.1"));
        var secret = await accountStore.PseudonymSecretAsync("trust-a");

        var user = (await accountStore.FindUserAsync("tom"))!.Value.User;
        Assert.Equal((Role.Teacher, "trust-a", 0, Start), (user.Role, user.Organisation, user.FailedAttempts, user.CreatedAt));
        Assert.Equal(["North"], user.Schools);
        Assert.Equal([new ClassScope("North", "10X"), new ClassScope("South Academy: Upper", "11Z")], user.Classes);
        Assert.Equal(32, user.SecurityStamp.Length);
        Assert.Equal(["tom"], (await accountStore.ListUsersAsync()).Select(u => u.Name));
        Assert.Equal(key.Key, await accountStore.Keys.FindAsync(KeyHash(key.Secret)));
        Assert.Equal((Start, Start.AddDays(30), null), (key.Key.CreatedAt, key.Key.ExpiresAt, key.Key.LastUsedAt));
        Assert.Null(await accountStore.Keys.FindAsync("other-hash"));
        var entry = Assert.Single(await accountStore.ReadAuditAsync(10));
        Assert.Equal(("tom", "import", "marks.csv", new DateTime(2026, 11, 23, 9, 30, 0)), (entry.User, entry.Action, entry.Detail, entry.At));
        Assert.Equal(32, secret.Length);
        Assert.Equal(secret, await accountStore.PseudonymSecretAsync("trust-a"));
        Assert.NotEqual(secret, await accountStore.PseudonymSecretAsync("trust-b"));

        Assert.True(await accountStore.RemoveUserAsync("tom"));
        Assert.Null(await accountStore.Keys.FindAsync(KeyHash(key.Secret)));
        Assert.Null(await accountStore.FindUserAsync("tom"));
    }

    [StoreFact]
    public async Task Wrong_passwords_are_counted_per_account_and_address_and_a_success_forgets_them()
    {
        await using var store = await CreateStoreAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(Start));
        var accounts = new AccountService(store.Store.Accounts, clock);
        await accounts.AddUserAsync(new NewUser("tom", Role.Admin, null, [], []), "correct horse battery");

        for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
        {
            await accounts.SignInAsync("tom", "guess", "203.0.113.9");
        }

        await accounts.SignInAsync("tom", "guess", "198.51.100.4");
        Assert.Equal(new AddressFailures(AccountService.MaxFailedAttempts, Start + AccountService.LockOut), await store.Store.Accounts.SignIns.FindAsync("tom", "203.0.113.9"));
        Assert.Equal(new AddressFailures(1, null), await store.Store.Accounts.SignIns.FindAsync("tom", "198.51.100.4"));
        var tom = (await store.Store.Accounts.FindUserAsync("tom"))!.Value.User;
        Assert.Equal((AccountService.MaxFailedAttempts + 1, (DateTime?)Start, (DateTime?)null), (tom.FailedAttempts, tom.LastFailedAt, tom.LockedUntil));

        Assert.Equal(SignInStatus.Succeeded, (await accounts.SignInAsync("tom", "correct horse battery", "198.51.100.4")).Status);
        Assert.Null(await store.Store.Accounts.SignIns.FindAsync("tom", "198.51.100.4"));
        Assert.Equal(0, (await store.Store.Accounts.FindUserAsync("tom"))!.Value.User.FailedAttempts);
        Assert.Equal(SignInStatus.LockedOut, (await accounts.SignInAsync("tom", "correct horse battery", "203.0.113.9")).Status);
    }

    [StoreFact]
    public async Task Ending_access_changes_the_stamp_ends_every_session_and_revokes_every_key_and_a_new_password_unlocks()
    {
        await using var store = await CreateStoreAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(Start));
        var accounts = new AccountService(store.Store.Accounts, clock);
        await accounts.AddUserAsync(new NewUser("tom", Role.Admin, null, [], []), "correct horse battery");
        var before = (await store.Store.Accounts.FindUserAsync("tom"))!.Value.User;
        var first = await accounts.StartSessionAsync(before, "10.0.0.1");
        await accounts.StartSessionAsync(before, "10.0.0.2");
        await accounts.IssueKeyAsync("tom", "a", 90);
        await accounts.IssueKeyAsync("tom", "b", 90);

        Assert.Equal(first, await store.Store.Accounts.Sessions.FindAsync(first.Id));
        Assert.Equal(new AccessEnded(2, 2), await accounts.LockAsync("tom"));
        var locked = (await store.Store.Accounts.FindUserAsync("tom"))!.Value.User;
        Assert.NotEqual(before.SecurityStamp, locked.SecurityStamp);
        Assert.True(locked.IsLockedAt(Start.AddYears(100)));
        Assert.Empty(await store.Store.Accounts.Sessions.ListAsync("tom"));
        Assert.All(await store.Store.Accounts.Keys.ListAsync("tom"), k => Assert.Equal((Start, "account locked"), (k.RevokedAt!.Value, k.RevokedReason)));
        Assert.Equal(SignInStatus.AccountLocked, (await accounts.SignInAsync("tom", "correct horse battery")).Status);

        Assert.Null(await accounts.SetPasswordAsync("tom", "a new long password"));
        Assert.Equal(SignInStatus.Succeeded, (await accounts.SignInAsync("tom", "a new long password")).Status);
        Assert.Null(await accounts.LockAsync("nobody"));
        Assert.Null(await accounts.SignOutEverywhereAsync("nobody"));
    }

    [StoreFact]
    public async Task Changing_a_user_replaces_their_role_and_reach_and_ends_their_sessions()
    {
        await using var store = await CreateStoreAsync();
        var accounts = new AccountService(store.Store.Accounts);
        await accounts.AddUserAsync(NewUser.FromInput("tom", Role.Teacher, "trust-a", ["North"], ["North:10X"]), "correct horse battery");
        var before = (await store.Store.Accounts.FindUserAsync("tom"))!.Value.User;
        var session = await accounts.StartSessionAsync(before, "10.0.0.1");

        Assert.Null(await accounts.ChangeUserAsync(NewUser.FromInput("tom", Role.Teacher, "trust-b", [], ["South:11Z"])));

        var after = (await store.Store.Accounts.FindUserAsync("tom"))!.Value.User;
        Assert.Equal(("trust-b", 0), (after.Organisation, after.Schools.Count));
        Assert.Equal([new ClassScope("South", "11Z")], after.Classes);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.Null(await store.Store.Accounts.Sessions.FindAsync(session.Id));
        Assert.Equal("There is no user called ann.", await accounts.ChangeUserAsync(NewUser.FromInput("ann", Role.Admin, null, [], [])));
    }

    private static string KeyHash(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}

public sealed class DuckDbStoreAccountsContractTests : StoreAccountsContractTests
{
    protected override Task<TestStore> CreateStoreAsync() => StoreKinds.DuckDbAsync();
}

[RequiresPostgres]
public sealed class PostgresStoreAccountsContractTests : StoreAccountsContractTests
{
    protected override Task<TestStore> CreateStoreAsync() => StoreKinds.PostgresAsync();
}
