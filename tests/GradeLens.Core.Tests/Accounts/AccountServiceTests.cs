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
    public async Task Five_wrong_passwords_lock_out_that_address_only_until_the_lock_out_ends()
    {
        await using var temp = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var accounts = new AccountService(temp.Store.Accounts, clock);
        await accounts.AddUserAsync(Leader, "correct horse battery");

        for (var i = 1; i < AccountService.MaxFailedAttempts; i++)
        {
            Assert.Equal(SignInStatus.Failed, (await accounts.SignInAsync("lena", "guess " + i, "203.0.113.9")).Status);
        }

        var locked = await accounts.SignInAsync("lena", "guess 5", "203.0.113.9");
        Assert.Equal((SignInStatus.LockedOut, clock.GetUtcNow().UtcDateTime + AccountService.LockOut), (locked.Status, locked.Until!.Value));
        Assert.Equal(SignInStatus.LockedOut, (await accounts.SignInAsync("lena", "correct horse battery", "203.0.113.9")).Status);
        // The stranger locked only themselves out: lena, from her own address, signs in.
        Assert.Equal(SignInStatus.Succeeded, (await accounts.SignInAsync("lena", "correct horse battery", "192.0.2.10")).Status);

        clock.Advance(AccountService.LockOut + TimeSpan.FromSeconds(1));
        Assert.Equal(SignInStatus.Succeeded, (await accounts.SignInAsync("lena", "correct horse battery", "203.0.113.9")).Status);
        Assert.Equal(0, (await temp.Store.Accounts.FindUserAsync("lena"))!.Value.User.FailedAttempts);
    }

    [Fact]
    public async Task Many_addresses_failing_on_one_account_slow_it_down_to_one_attempt_per_interval()
    {
        await using var temp = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var accounts = new AccountService(temp.Store.Accounts, clock);
        await accounts.AddUserAsync(Leader, "correct horse battery");
        for (var i = 0; i < AccountService.SlowDownAfter; i++)
        {
            Assert.Equal(SignInStatus.Failed, (await accounts.SignInAsync("lena", "guess", $"198.51.100.{i}")).Status);
        }

        Assert.Equal(SignInStatus.SlowedDown, (await accounts.SignInAsync("lena", "correct horse battery", "192.0.2.10")).Status);
        clock.Advance(AccountService.SlowDownInterval);
        Assert.Equal(SignInStatus.Failed, (await accounts.SignInAsync("lena", "guess", "198.51.100.200")).Status);
        Assert.Equal(SignInStatus.SlowedDown, (await accounts.SignInAsync("lena", "guess", "198.51.100.201")).Status);
        clock.Advance(AccountService.SlowDownInterval);
        Assert.Equal(SignInStatus.Succeeded, (await accounts.SignInAsync("lena", "correct horse battery", "192.0.2.10")).Status);
        Assert.Equal(SignInStatus.Failed, (await accounts.SignInAsync("lena", "guess", "198.51.100.202")).Status);
    }

    [Fact]
    public async Task A_session_ends_at_sign_out_after_a_new_stamp_and_when_idle_past_the_limit()
    {
        await using var temp = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var accounts = new AccountService(temp.Store.Accounts, clock);
        await accounts.AddUserAsync(Leader, "correct horse battery");
        var lena = (await accounts.SignInAsync("lena", "correct horse battery")).User!;
        var session = await accounts.StartSessionAsync(lena, "192.0.2.10");

        Assert.Equal("lena", (await accounts.ValidateSessionAsync(session.Id, "lena", lena.SecurityStamp))?.Name);
        Assert.Null(await accounts.ValidateSessionAsync(session.Id, "lena", "another stamp"));
        Assert.Null(await accounts.ValidateSessionAsync(session.Id, "ann", lena.SecurityStamp));
        Assert.Null(await accounts.ValidateSessionAsync(null, "lena", lena.SecurityStamp));

        clock.Advance(TimeSpan.FromHours(7));
        Assert.NotNull(await accounts.ValidateSessionAsync(session.Id, "lena", lena.SecurityStamp));
        clock.Advance(TimeSpan.FromHours(7)); // last seen 7 hours ago: still within the idle limit
        Assert.NotNull(await accounts.ValidateSessionAsync(session.Id, "lena", lena.SecurityStamp));
        clock.Advance(AccountService.SessionIdleLimit + TimeSpan.FromMinutes(1));
        Assert.Null(await accounts.ValidateSessionAsync(session.Id, "lena", lena.SecurityStamp));

        var again = await accounts.StartSessionAsync(lena, "192.0.2.10");
        Assert.Null(await temp.Store.Accounts.Sessions.FindAsync(session.Id)); // the idle one was forgotten
        Assert.True(await accounts.EndSessionAsync(again.Id));
        Assert.Null(await accounts.ValidateSessionAsync(again.Id, "lena", lena.SecurityStamp));
    }

    [Fact]
    public async Task A_key_expires_is_revoked_one_by_one_and_every_key_ends_with_a_new_password_or_a_lock()
    {
        await using var temp = await TempStore.CreateAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        var accounts = new AccountService(temp.Store.Accounts, clock);
        await accounts.AddUserAsync(Leader, "correct horse battery");
        var nightly = (await accounts.IssueKeyAsync("lena", "nightly", 30))!;
        clock.Advance(TimeSpan.FromMinutes(1));
        var weekly = (await accounts.IssueKeyAsync("lena", "weekly", 90))!;

        Assert.Equal("lena", (await accounts.AuthenticateApiKeyAsync(nightly.Secret))?.Name);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, (await temp.Store.Accounts.Keys.FindAsync(Hash(nightly.Secret)))!.LastUsedAt);
        clock.Advance(TimeSpan.FromDays(30));
        Assert.Null(await accounts.AuthenticateApiKeyAsync(nightly.Secret));
        Assert.NotNull(await accounts.AuthenticateApiKeyAsync(weekly.Secret));

        Assert.True(await accounts.RevokeApiKeyAsync("lena", weekly.Key.Id.ToUpperInvariant(), "admin"));
        Assert.Null(await accounts.AuthenticateApiKeyAsync(weekly.Secret));
        Assert.False(await accounts.RevokeApiKeyAsync("lena", weekly.Key.Id, "admin"));
        Assert.False(await accounts.RevokeApiKeyAsync("ann", nightly.Key.Id, "admin"));
        var listed = await temp.Store.Accounts.Keys.ListAsync("lena");
        Assert.Equal([(weekly.Key.Id, ApiKeyState.Revoked, "revoked by admin"), (nightly.Key.Id, ApiKeyState.Expired, null)],
            listed.Select(k => (k.Id, k.StateAt(accounts.Now), k.RevokedReason)));

        var afterReset = (await accounts.IssueKeyAsync("lena", "a", 90))!;
        Assert.Null(await accounts.SetPasswordAsync("lena", "a new long password"));
        Assert.Null(await accounts.AuthenticateApiKeyAsync(afterReset.Secret));
        var afterLock = (await accounts.IssueKeyAsync("lena", "b", 90))!;
        Assert.NotNull(await accounts.LockAsync("lena"));
        Assert.Null(await accounts.AuthenticateApiKeyAsync(afterLock.Secret));
        Assert.Equal("An API key lasts 1 to 3650 days (--expires-in DAYS).", AccountService.KeyLifetimeProblem(0));
        Assert.Null(await accounts.IssueKeyAsync("nobody", "x", 1));
    }

    [Theory]
    [InlineData("lena", Role.Leader, null, "", "", "A leader needs an organisation (--organisation).")]
    [InlineData("tom", Role.Teacher, "trust-a", "", "", "A teacher needs at least one school, or a class of a school: a teacher sees only those students.")]
    [InlineData("bad name", Role.Admin, null, "", "", "A user name is 1 to 64 letters, digits, dots, dashes, underscores or @.")]
    [InlineData("tom", Role.Teacher, "trust-a", "", "10A", "A class is named with its school, as SCHOOL:CLASS (for example \"North School:10A\"): \"10A\" names no school.")]
    [InlineData("tom", Role.Teacher, "trust-a", "", "North:", "A class is named with its school, as SCHOOL:CLASS (for example \"North School:10A\"): \"\" names no class.")]
    [InlineData("ann", Role.Analyst, "trust-a", "", "", null)]
    [InlineData("tom", Role.Teacher, "trust-a", "North", "", null)]
    [InlineData("tom", Role.Teacher, "trust-a", "", "North: Upper:10A", null)]
    public void A_new_users_details_are_checked_with_a_sentence(string name, Role role, string? organisation, string school, string classes, string? problem) =>
        Assert.Equal(problem, AccountService.UserProblem(NewUser.FromInput(name, role, organisation, [school], [classes])));

    [Fact]
    public void A_class_is_written_school_colon_class_split_at_the_last_colon()
    {
        Assert.Equal(new ClassScope("Harris Academy: Beckenham", "11A"), ClassScope.Parse(" Harris Academy: Beckenham : 11A "));
        Assert.Equal(new ClassScope(null, "11A"), ClassScope.Parse("11A"));
        Assert.Equal("North:10A", new ClassScope("North", "10A").ToString());
        Assert.Equal("10A (no school: reaches nobody)", new ClassScope(null, "10A").ToString());
    }

    [Fact]
    public async Task A_user_name_is_taken_once_and_removing_a_user_removes_their_api_keys()
    {
        await using var temp = await TempStore.CreateAsync();
        var accounts = new AccountService(temp.Store.Accounts);
        await accounts.AddUserAsync(NewUser.FromInput("tom", Role.Teacher, "trust-a", ["North"], ["North:10X", "North:10Y"]), "correct horse battery");
        Assert.Equal("There is already a user called tom.", await accounts.AddUserAsync(Leader with { Name = "tom" }, "correct horse battery"));

        var key = await accounts.IssueApiKeyAsync("tom", "scripts");
        Assert.StartsWith("glk_", key, StringComparison.Ordinal);
        var tom = await accounts.AuthenticateApiKeyAsync(key!);
        Assert.Equal(("trust-a", false), (tom!.Scope.Organisation, tom.Scope.AggregatesOnly));
        Assert.Equal(["North"], tom.Scope.Schools!);
        Assert.Equal([new ClassScope("North", "10X"), new ClassScope("North", "10Y")], tom.Scope.Classes!);
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

    private static string Hash(string key) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
}
