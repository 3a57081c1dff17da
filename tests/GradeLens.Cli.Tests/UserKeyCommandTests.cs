using System.Text.Json;
using System.Text.RegularExpressions;
using GradeLens.Core.Accounts;
using GradeLens.Core.Storage;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Cli.Tests;

/// <summary>gradelens user key / keys / revoke / change / lock: keys that expire and are revoked one by one, reach that changes whole.</summary>
public sealed partial class UserKeyCommandTests : IDisposable
{
    private const string Password = "correct horse battery";

    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-user-keys-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Store => Path.Combine(_directory, "s.duckdb");

    [Fact]
    public async Task A_key_is_issued_with_its_id_label_and_expiry_listed_without_its_secret_and_revoked_by_id()
    {
        Assert.Equal(0, (await UserWithInputAsync(Password + "\n", "add", "ann", "--role", "leader", "--organisation", "North", "--password-stdin")).ExitCode);
        var nightly = await UserAsync("key", "ann", "--label", "nightly", "--expires-in", "30");
        var weekly = await UserAsync("key", "ann", "--label", "weekly");
        Assert.True(nightly.ExitCode == 0, nightly.Error);
        var issued = IssuedLine().Match(nightly.Out);
        Assert.True(issued.Success, nightly.Out);
        var (id, expires, key) = (issued.Groups[1].Value, DateTime.Parse(issued.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), issued.Groups[3].Value);
        Assert.InRange(expires, DateTime.UtcNow.AddDays(30).AddMinutes(-2), DateTime.UtcNow.AddDays(30).AddMinutes(1));
        Assert.Contains($"gradelens user revoke ann {id}", nightly.Out, StringComparison.Ordinal);
        var weeklyKey = IssuedLine().Match(weekly.Out).Groups[3].Value;

        var listed = await UserAsync("keys", "ann", "--format", "json");
        Assert.Equal(0, listed.ExitCode);
        Assert.DoesNotContain(key, listed.Out, StringComparison.Ordinal);
        using (var keys = JsonDocument.Parse(listed.Out))
        {
            var nightlyRow = keys.RootElement.EnumerateArray().Single(k => k.GetProperty("id").GetString() == id);
            Assert.Equal(("nightly", "active"), (nightlyRow.GetProperty("label").GetString(), nightlyRow.GetProperty("state").GetString()));
            Assert.Equal(JsonValueKind.Null, nightlyRow.GetProperty("last_used_at").ValueKind);
        }

        var revoked = await UserAsync("revoke", "ann", id);
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        Assert.Null(await WithAccountsAsync(accounts => accounts.AuthenticateApiKeyAsync(key)));
        Assert.Equal("ann", (await WithAccountsAsync(accounts => accounts.AuthenticateApiKeyAsync(weeklyKey)))?.Name);
        Assert.Contains($"revoked by cli:{Environment.UserName}", (await UserAsync("keys", "ann")).Out, StringComparison.Ordinal);
        var again = await UserAsync("revoke", "ann", id);
        UserCommandTests.AssertRefused(again.ExitCode, again.Error, $"ann has no active API key {id}; 'gradelens user keys ann' lists their keys.");

        var audit = await WithAccountsAsync(accounts => accounts.Store.ReadAuditAsync(10));
        Assert.Contains(audit, e => e is { Action: "API key revoked" } && e.Detail == $"ann (key {id})");
        var refused = await UserAsync("key", "ann", "--expires-in", "0");
        UserCommandTests.AssertRefused(refused.ExitCode, refused.Error, "An API key lasts 1 to 3650 days (--expires-in DAYS).");
    }

    [Fact]
    public async Task A_new_password_or_a_lock_ends_every_key_and_a_lock_refuses_sign_in_until_a_new_password()
    {
        Assert.Equal(0, (await UserWithInputAsync(Password + "\n", "add", "ann", "--role", "admin", "--password-stdin")).ExitCode);
        var first = IssuedLine().Match((await UserAsync("key", "ann")).Out).Groups[3].Value;
        Assert.Equal(0, (await UserWithInputAsync("a new password\n", "set-password", "ann", "--password-stdin")).ExitCode);
        Assert.Null(await WithAccountsAsync(accounts => accounts.AuthenticateApiKeyAsync(first)));

        var second = IssuedLine().Match((await UserAsync("key", "ann")).Out).Groups[3].Value;
        var locked = await UserAsync("lock", "ann");
        Assert.True(locked.ExitCode == 0, locked.Error);
        Assert.Contains("Locked ann (0 sessions ended, 1 API key revoked)", locked.Out, StringComparison.Ordinal);
        Assert.Null(await WithAccountsAsync(accounts => accounts.AuthenticateApiKeyAsync(second)));
        Assert.Equal(SignInStatus.AccountLocked, (await WithAccountsAsync(accounts => accounts.SignInAsync("ann", "a new password"))).Status);
        Assert.Equal(0, (await UserWithInputAsync("another password\n", "set-password", "ann", "--password-stdin")).ExitCode);
        Assert.Equal(SignInStatus.Succeeded, (await WithAccountsAsync(accounts => accounts.SignInAsync("ann", "another password"))).Status);
        var refused = await UserAsync("lock", "nobody");
        UserCommandTests.AssertRefused(refused.ExitCode, refused.Error, "There is no user called nobody.");
    }

    [Fact]
    public async Task Change_gives_a_user_a_new_role_and_reach_whole_and_refuses_a_class_without_its_school()
    {
        Assert.Equal(0, (await UserWithInputAsync(Password + "\n", "add", "tom", "--role", "teacher", "--organisation", "North", "--school", "S1", "--password-stdin")).ExitCode);

        var changed = await UserAsync("change", "tom", "--role", "teacher", "--organisation", "North", "--class", "S2:11A", "--class", "S3:11A");

        Assert.True(changed.ExitCode == 0, changed.Error);
        var tom = (await WithAccountsAsync(accounts => accounts.Store.FindUserAsync("tom")))!.Value.User;
        Assert.Empty(tom.Schools);
        Assert.Equal([new ClassScope("S2", "11A"), new ClassScope("S3", "11A")], tom.Classes);
        var refused = await UserAsync("change", "tom", "--role", "teacher", "--organisation", "North", "--class", "11A");
        UserCommandTests.AssertRefused(refused.ExitCode, refused.Error, "\"11A\" names no school.");
        var nobody = await UserAsync("change", "nobody", "--role", "admin");
        UserCommandTests.AssertRefused(nobody.ExitCode, nobody.Error, "There is no user called nobody.");
        Assert.Contains(await WithAccountsAsync(accounts => accounts.Store.ReadAuditAsync(10)), e => e is { Action: "user changed", Detail: "tom (teacher, North, S2:11A, S3:11A)" });
    }

    private Task<(int ExitCode, string Out, string Error)> UserAsync(params string[] arguments) =>
        CliProcess.RunAsync(["user", .. arguments, "--store", Store]);

    private Task<(int ExitCode, string Out, string Error)> UserWithInputAsync(string input, params string[] arguments) =>
        CliProcess.RunWithInputAsync(input, ["user", .. arguments, "--store", Store]);

    private async Task<T> WithAccountsAsync<T>(Func<AccountService, Task<T>> read)
    {
        await using var store = await DuckDbStore.OpenAsync(Store);
        return await read(new AccountService(store.Accounts));
    }

    [GeneratedRegex(@"API key ([0-9a-f]{12}) for \S+ \([^)]*\), expires (\S+ \S+) UTC: (glk_[0-9a-f]+)")]
    private static partial Regex IssuedLine();
}
