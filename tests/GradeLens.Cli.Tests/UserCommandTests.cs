using System.Text.Json;
using System.Text.RegularExpressions;
using GradeLens.Core.Accounts;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Cli.Tests;

public sealed partial class UserCommandTests : IDisposable
{
    private const string Password = "correct horse battery";

    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-users-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Store => Path.Combine(_directory, "s.duckdb");

    [Fact]
    public async Task Add_prints_a_generated_password_once_and_the_user_signs_in_with_it()
    {
        var (code, output, error) = await UserAsync("add", "ann", "--role", "teacher", "--organisation", "North", "--school", "S1", "--class", "S2:10A");
        Assert.True(code == 0, error);
        var password = GeneratedPassword(output, "ann");
        Assert.Contains("shown once", output, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(output, Regex.Escape(password)));

        var outcome = await WithAccountsAsync(accounts => accounts.SignInAsync("ann", password));
        Assert.Equal(SignInStatus.Succeeded, outcome.Status);
        Assert.Equal(Role.Teacher, outcome.User!.Role);
        Assert.Equal(["S1"], outcome.User.Schools);
        Assert.Equal([new GradeLens.Core.Storage.ClassScope("S2", "10A")], outcome.User.Classes);
    }

    [Fact]
    public async Task Add_with_password_stdin_takes_the_first_line_and_prints_no_password()
    {
        var (code, output, error) = await UserWithInputAsync(Password + "\nsecond line\n", "add", "lea", "--role", "leader", "--organisation", "North", "--password-stdin");
        Assert.True(code == 0, error);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.Equal(SignInStatus.Succeeded, (await WithAccountsAsync(accounts => accounts.SignInAsync("lea", Password))).Status);
    }

    [Theory]
    [InlineData("A teacher needs at least one school, or a class of a school", "t1", "--role", "teacher", "--organisation", "North")]
    [InlineData("A leader needs an organisation (--organisation).", "l1", "--role", "leader")]
    [InlineData("A password needs at least 10 characters.", "a1", "--role", "admin", "--password-stdin")]
    [InlineData("A class is named with its school, as SCHOOL:CLASS (for example \"North School:10A\"): \"10A\" names no school.", "t2", "--role", "teacher", "--organisation", "North", "--class", "10A")]
    public async Task Add_refuses_in_one_sentence_and_changes_nothing(string sentence, params string[] arguments)
    {
        var (code, _, error) = await UserWithInputAsync("short\n", ["add", .. arguments]);
        AssertRefused(code, error, sentence);
        Assert.Empty(await WithAccountsAsync(accounts => accounts.Store.ListUsersAsync()));
    }

    [Fact]
    public async Task Add_refuses_a_taken_name_and_the_first_user_keeps_their_password_and_role()
    {
        Assert.Equal(0, (await UserWithInputAsync(Password + "\n", "add", "ann", "--role", "admin", "--password-stdin")).ExitCode);
        var (code, _, error) = await UserWithInputAsync("another password\n", "add", "ann", "--role", "analyst", "--organisation", "North", "--password-stdin");
        AssertRefused(code, error, "There is already a user called ann.");
        var outcome = await WithAccountsAsync(accounts => accounts.SignInAsync("ann", Password));
        Assert.Equal(SignInStatus.Succeeded, outcome.Status);
        Assert.Equal(Role.Admin, outcome.User!.Role);
    }

    [Fact]
    public async Task List_shows_a_table_and_stable_json_and_never_a_password_hash()
    {
        Assert.Equal(0, (await UserWithInputAsync(Password + "\n", "add", "ann", "--role", "teacher", "--organisation", "North", "--school", "S1", "--school", "S2", "--class", "S3:11A", "--password-stdin")).ExitCode);
        Assert.Equal(0, (await UserWithInputAsync(Password + "\n", "add", "root", "--role", "admin", "--password-stdin")).ExitCode);
        var hash = (await WithAccountsAsync(accounts => accounts.Store.FindUserAsync("ann")))!.Value.PasswordHash;

        var text = await UserAsync("list");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("S1, S2", text.Out, StringComparison.Ordinal);
        Assert.Contains("teacher", text.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(hash, text.Out, StringComparison.Ordinal);

        var json = await UserAsync("list", "--format", "json");
        Assert.Equal(json.Out, (await UserAsync("list", "--format", "json")).Out);
        Assert.DoesNotContain(hash, json.Out, StringComparison.Ordinal);
        using var users = JsonDocument.Parse(json.Out);
        Assert.Equal(["ann", "root"], users.RootElement.EnumerateArray().Select(u => u.GetProperty("name").GetString()));
        var ann = users.RootElement[0];
        Assert.Equal(["name", "role", "organisation", "schools", "classes", "locked", "created_at"], ann.EnumerateObject().Select(p => p.Name));
        Assert.Equal("teacher", ann.GetProperty("role").GetString());
        Assert.Equal(["S3:11A"], ann.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("North", ann.GetProperty("organisation").GetString());
        Assert.False(ann.GetProperty("locked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, users.RootElement[1].GetProperty("organisation").ValueKind);
    }

    [Fact]
    public async Task Set_password_replaces_it_from_stdin_or_with_a_generated_one_and_refuses_an_unknown_user()
    {
        Assert.Equal(0, (await UserWithInputAsync(Password + "\n", "add", "ann", "--role", "admin", "--password-stdin")).ExitCode);
        Assert.Equal(0, (await UserWithInputAsync("a new password\n", "set-password", "ann", "--password-stdin")).ExitCode);
        Assert.Equal(SignInStatus.Failed, (await WithAccountsAsync(accounts => accounts.SignInAsync("ann", Password))).Status);
        Assert.Equal(SignInStatus.Succeeded, (await WithAccountsAsync(accounts => accounts.SignInAsync("ann", "a new password"))).Status);

        var (code, output, _) = await UserAsync("set-password", "ann");
        Assert.Equal(0, code);
        var generated = GeneratedPassword(output, "ann");
        Assert.Equal(SignInStatus.Succeeded, (await WithAccountsAsync(accounts => accounts.SignInAsync("ann", generated))).Status);

        var refused = await UserAsync("set-password", "nobody");
        AssertRefused(refused.ExitCode, refused.Error, "There is no user called nobody.");
    }

    [Fact]
    public async Task Remove_takes_the_user_away_and_refuses_an_unknown_one()
    {
        Assert.Equal(0, (await UserWithInputAsync(Password + "\n", "add", "ann", "--role", "admin", "--password-stdin")).ExitCode);
        Assert.Equal(0, (await UserAsync("remove", "ann")).ExitCode);
        Assert.Null(await WithAccountsAsync(accounts => accounts.Store.FindUserAsync("ann")));
        var (code, _, error) = await UserAsync("remove", "ann");
        AssertRefused(code, error, "There is no user called ann.");
    }

    [Fact]
    public async Task Key_prints_once_a_key_that_authenticates_as_the_user()
    {
        Assert.Equal(0, (await UserWithInputAsync(Password + "\n", "add", "lea", "--role", "leader", "--organisation", "North", "--password-stdin")).ExitCode);
        var (code, output, error) = await UserAsync("key", "lea", "--label", "nightly");
        Assert.True(code == 0, error);
        Assert.Contains("Authorization: Bearer <key>", output, StringComparison.Ordinal);
        var key = ApiKey().Match(output).Value;
        Assert.Equal(1, Regex.Count(output, key));
        Assert.Equal("lea", (await WithAccountsAsync(accounts => accounts.AuthenticateApiKeyAsync(key)))?.Name);

        var refused = await UserAsync("key", "nobody");
        AssertRefused(refused.ExitCode, refused.Error, "There is no user called nobody.");
    }

    [Fact]
    public async Task Every_change_is_in_the_audit_log_as_the_command_line_user_and_no_password_is()
    {
        var added = await UserAsync("add", "ann", "--role", "admin");
        var password = GeneratedPassword(added.Out, "ann");
        Assert.Equal(0, (await UserWithInputAsync(Password + "\n", "set-password", "ann", "--password-stdin")).ExitCode);
        Assert.Equal(0, (await UserAsync("key", "ann", "--label", "nightly")).ExitCode);
        Assert.Equal(0, (await UserAsync("remove", "ann")).ExitCode);
        Assert.Equal(1, (await UserAsync("remove", "ann")).ExitCode);

        var audit = await WithAccountsAsync(accounts => accounts.Store.ReadAuditAsync(10));
        Assert.Equal(
            ["user added", "password set", "API key issued", "user removed"], audit.Reverse().Select(e => e.Action));
        var details = audit.Reverse().Select(e => e.Detail).ToList();
        Assert.Equal(("ann (admin)", "ann", "ann"), (details[0], details[1], details[3]));
        Assert.Matches(@"^ann \(nightly, key [0-9a-f]{12}, expires \d{4}-\d{2}-\d{2}\)$", details[2]);
        Assert.All(audit, e => Assert.Equal(("cli:" + Environment.UserName, "command line"), (e.User, e.RemoteAddress)));
        Assert.All(audit, e => Assert.DoesNotContain(password, e.Detail, StringComparison.Ordinal));
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

    internal static string GeneratedPassword(string output, string user)
    {
        var match = Regex.Match(output, $@"Password for {Regex.Escape(user)}: (\S+)  \(shown once");
        Assert.True(match.Success, output);
        return match.Groups[1].Value;
    }

    internal static void AssertRefused(int code, string error, string sentence)
    {
        Assert.Equal(1, code);
        Assert.Contains(sentence, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [GeneratedRegex("glk_[0-9a-f]+")]
    private static partial Regex ApiKey();
}
