using GradeLens.Core.Accounts;
using GradeLens.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace GradeLens.Core.Tests.Accounts;

public sealed class AccountServiceTests
{
    private static readonly NewUser Leader = new("lena", Role.Leader, "trust-a", [], []);

    [Fact]
    public async Task A_password_is_stored_only_as_an_identity_hash_and_signs_the_user_in()
    {
        await using var temp = await TempStore.CreateAsync();
        var accounts = new AccountService(temp.Store.Accounts);
        Assert.Null(await accounts.AddUserAsync(Leader, "correct horse battery"));

        var (user, hash) = (await temp.Store.Accounts.FindUserAsync("lena"))!.Value;
        Assert.DoesNotContain("correct horse", hash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", hash, StringComparison.Ordinal); // Identity v3 format: PBKDF2 with HMAC-SHA512
        Assert.Equal((Role.Leader, "trust-a"), (user.Role, user.Organisation));

        var outcome = await accounts.SignInAsync("lena", "correct horse battery");
        Assert.Equal(SignInStatus.Succeeded, outcome.Status);
        Assert.Equal(Scope.ForOrganisation("trust-a"), outcome.User!.Scope);
        Assert.Equal(SignInStatus.Failed, (await accounts.SignInAsync("lena", "Correct horse battery")).Status);
        Assert.Equal(SignInStatus.Failed, (await accounts.SignInAsync("nobody", "correct horse battery")).Status);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one_until_the_lock_out_ends()
    {
        await using var temp = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var accounts = new AccountService(temp.Store.Accounts, clock);
        await accounts.AddUserAsync(Leader, "correct horse battery");

        for (var i = 1; i < AccountService.MaxFailedAttempts; i++)
        {
            Assert.Equal(SignInStatus.Failed, (await accounts.SignInAsync("lena", "guess " + i)).Status);
        }

        var locked = await accounts.SignInAsync("lena", "guess 5");
        Assert.Equal(SignInStatus.LockedOut, locked.Status);
        Assert.Equal(clock.GetUtcNow().UtcDateTime + AccountService.LockOut, locked.LockedUntil);
        Assert.Equal(SignInStatus.LockedOut, (await accounts.SignInAsync("lena", "correct horse battery")).Status);

        clock.Advance(AccountService.LockOut + TimeSpan.FromSeconds(1));
        Assert.Equal(SignInStatus.Succeeded, (await accounts.SignInAsync("lena", "correct horse battery")).Status);
        Assert.Equal(0, (await temp.Store.Accounts.FindUserAsync("lena"))!.Value.User.FailedAttempts);
    }

    [Fact]
    public async Task Setting_a_password_clears_a_lock_out_and_the_old_password_stops_working()
    {
        await using var temp = await TempStore.CreateAsync();
        var accounts = new AccountService(temp.Store.Accounts);
        await accounts.AddUserAsync(Leader, "correct horse battery");
        for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
        {
            await accounts.SignInAsync("lena", "wrong");
        }

        Assert.Null(await accounts.SetPasswordAsync("lena", "a new long password"));
        Assert.Equal(SignInStatus.Succeeded, (await accounts.SignInAsync("lena", "a new long password")).Status);
        Assert.Equal(SignInStatus.Failed, (await accounts.SignInAsync("lena", "correct horse battery")).Status);
        Assert.Equal("There is no user called nobody.", await accounts.SetPasswordAsync("nobody", "a new long password"));
        Assert.Equal("A password needs at least 10 characters.", await accounts.SetPasswordAsync("lena", "short"));
    }

    [Theory]
    [InlineData("lena", Role.Leader, null, "", "A leader needs an organisation (--organisation).")]
    [InlineData("tom", Role.Teacher, "trust-a", "", "A teacher needs at least one school (--school) or class (--class): a teacher sees only those students.")]
    [InlineData("bad name", Role.Admin, null, "", "A user name is 1 to 64 letters, digits, dots, dashes, underscores or @.")]
    [InlineData("ann", Role.Analyst, "trust-a", "", null)]
    [InlineData("tom", Role.Teacher, "trust-a", "North", null)]
    public void A_new_users_details_are_checked_with_a_sentence(string name, Role role, string? organisation, string school, string? problem) =>
        Assert.Equal(problem, AccountService.UserProblem(new NewUser(name, role, organisation, school.Length == 0 ? [] : [school], [])));

    [Fact]
    public async Task A_user_name_is_taken_once_and_removing_a_user_removes_their_api_keys()
    {
        await using var temp = await TempStore.CreateAsync();
        var accounts = new AccountService(temp.Store.Accounts);
        await accounts.AddUserAsync(new NewUser("tom", Role.Teacher, "trust-a", ["North"], ["10X", "10Y"]), "correct horse battery");
        Assert.Equal("There is already a user called tom.", await accounts.AddUserAsync(Leader with { Name = "tom" }, "correct horse battery"));

        var key = await accounts.IssueApiKeyAsync("tom", "scripts");
        Assert.StartsWith("glk_", key, StringComparison.Ordinal);
        var tom = await accounts.AuthenticateApiKeyAsync(key!);
        Assert.Equal(("trust-a", false), (tom!.Scope.Organisation, tom.Scope.AggregatesOnly));
        Assert.Equal(["North"], tom.Scope.Schools!);
        Assert.Equal(["10X", "10Y"], tom.Scope.Classes!);
        Assert.Null(await accounts.AuthenticateApiKeyAsync(key + "0"));

        Assert.True(await temp.Store.Accounts.RemoveUserAsync("tom"));
        Assert.Null(await accounts.AuthenticateApiKeyAsync(key!));
        Assert.Empty(await temp.Store.Accounts.ListUsersAsync());
        Assert.False(await temp.Store.Accounts.RemoveUserAsync("tom"));
    }

    [Fact]
    public async Task Pseudonyms_are_stable_per_organisation_across_reopening_and_differ_between_organisations()
    {
        await using var temp = await TempStore.CreateAsync();
        var path = temp.Store.Location;
        var first = (await Pseudonyms.ForAsync(temp.Store.Accounts, "trust-a"))("S001");
        var other = (await Pseudonyms.ForAsync(temp.Store.Accounts, "trust-b"))("S001");
        Assert.Matches("^P-[0-9A-F]{10}$", first);
        Assert.NotEqual(first, other);

        await temp.Store.DisposeAsync();
        await using var reopened = await GradeLens.Core.Storage.DuckDb.DuckDbStore.OpenAsync(path);
        Assert.Equal(first, (await Pseudonyms.ForAsync(reopened.Accounts, "trust-a"))("S001"));
    }

    [Fact]
    public async Task The_audit_log_reads_back_newest_first()
    {
        await using var temp = await TempStore.CreateAsync();
        var at = new DateTime(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);
        await temp.Store.Accounts.AppendAuditAsync(new AuditEntry(at, "lena", "sign-in", "", "127.0.0.1"));
        await temp.Store.Accounts.AppendAuditAsync(new AuditEntry(at.AddMinutes(5), "lena", "export", "triage.csv", "127.0.0.1"));
        var entries = await temp.Store.Accounts.ReadAuditAsync(10);
        Assert.Equal(["export", "sign-in"], entries.Select(e => e.Action));
        Assert.Equal(at.AddMinutes(5), entries[0].At);
    }
}
