using System.Diagnostics;
using System.Text.RegularExpressions;
using GradeLens.Core.Accounts;
using GradeLens.Core.Storage.DuckDb;

namespace GradeLens.Cli.Tests;

/// <summary>The first run of serve (and of a demo reachable from other computers) creates the admin; never a default password.</summary>
public sealed class UserCommandFirstAdminTests : IDisposable
{
    private const string Password = "a long admin password";
    private const string Dashboard = "GradeLens dashboard:";

    private readonly string _directory = Directory.CreateTempSubdirectory("gradelens-first-admin-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Store => Path.Combine(_directory, "s.duckdb");

    [Fact]
    public async Task Serve_on_a_store_without_users_creates_the_admin_with_the_password_from_the_environment()
    {
        var serve = Serve();
        serve.Environment["GRADELENS_ADMIN_PASSWORD"] = Password;
        var output = await CliProcess.RunUntilAsync(serve, Dashboard);
        Assert.Contains(Dashboard, output, StringComparison.Ordinal);
        Assert.Contains("Created the first admin 'admin' with the password in GRADELENS_ADMIN_PASSWORD.", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);

        await using var store = await DuckDbStore.OpenAsync(Store);
        var outcome = await new AccountService(store.Accounts).SignInAsync("admin", Password);
        Assert.Equal(SignInStatus.Succeeded, outcome.Status);
        Assert.Equal(Role.Admin, outcome.User!.Role);
        var entry = Assert.Single(await store.Accounts.ReadAuditAsync(10));
        Assert.Equal(("user added", "admin (admin), first run", "command line"), (entry.Action, entry.Detail, entry.RemoteAddress));
    }

    [Fact]
    public async Task Serve_without_the_variable_prints_a_generated_admin_password_once_and_later_runs_create_none()
    {
        var first = await CliProcess.RunUntilAsync(Serve(), Dashboard);
        var match = Regex.Match(first, @"Created the first admin 'admin' with password (\S+)  \(shown once; change it with gradelens user set-password admin\)");
        Assert.True(match.Success, first);
        var password = match.Groups[1].Value;
        Assert.Equal(1, Regex.Count(first, Regex.Escape(password)));

        var second = await CliProcess.RunUntilAsync(Serve(), Dashboard);
        Assert.Contains(Dashboard, second, StringComparison.Ordinal);
        Assert.DoesNotContain("Created the first admin", second, StringComparison.Ordinal);

        await using var store = await DuckDbStore.OpenAsync(Store);
        Assert.Single(await store.Accounts.ListUsersAsync());
        Assert.Equal(SignInStatus.Succeeded, (await new AccountService(store.Accounts).SignInAsync("admin", password)).Status);
    }

    [Fact]
    public async Task Serve_refuses_a_too_short_admin_password_from_the_environment_and_creates_nobody()
    {
        var serve = Serve();
        serve.Environment["GRADELENS_ADMIN_PASSWORD"] = "short";
        var (code, output, error) = await CliProcess.RunAsync(serve);
        UserCommandTests.AssertRefused(code, error, "GRADELENS_ADMIN_PASSWORD is refused for the first admin: A password needs at least 10 characters.");
        Assert.DoesNotContain(Dashboard, output, StringComparison.Ordinal);

        await using var store = await DuckDbStore.OpenAsync(Store);
        Assert.Empty(await store.Accounts.ListUsersAsync());
    }

    [Fact]
    public async Task The_demo_signs_in_automatically_on_127_0_0_1_and_says_so_and_creates_no_admin()
    {
        var output = await CliProcess.RunUntilAsync(Demo("http://127.0.0.1:0"), Dashboard);
        Assert.Contains("The demo signs in automatically (as the admin 'demo') because it listens on 127.0.0.1 only", output, StringComparison.Ordinal);
        Assert.Contains(Dashboard, output, StringComparison.Ordinal);
        Assert.DoesNotContain("Created the first admin", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_reachable_from_other_computers_does_not_sign_in_automatically_and_creates_the_admin()
    {
        var output = await CliProcess.RunUntilAsync(Demo("http://0.0.0.0:0"), Dashboard);
        Assert.Contains("The demo does not sign in automatically: http://0.0.0.0:0 reaches other computers", output, StringComparison.Ordinal);
        Assert.Contains("Created the first admin 'admin' with password ", output, StringComparison.Ordinal);
        Assert.Contains(Dashboard, output, StringComparison.Ordinal);
    }

    private ProcessStartInfo Serve() => CliProcess.StartInfo("serve", "--store", Store, "--urls", "http://127.0.0.1:0");

    private ProcessStartInfo Demo(string urls) => CliProcess.StartInfo("demo", "--store", Store, "--national-students", "2000", "--urls", urls);
}
