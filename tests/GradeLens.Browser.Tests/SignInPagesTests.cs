using GradeLens.Core.Accounts;
using GradeLens.Core.Demo;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GradeLens.Browser.Tests;

/// <summary>Signing in, the account box, the Admin page and the demo's automatic sign-in, in headless Chromium.</summary>
public sealed class SignInPagesTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    private const string Password = "a long test password";

    [BrowserFact]
    public async Task A_page_asks_to_sign_in_then_opens_with_the_users_name_and_signing_out_closes_it()
    {
        await using var server = await LiveServer.StartAsync(automaticSignIn: false);
        await DemoBuilder.BuildAsync(server.Store, new DemoOptions(NationalStudents: 500));
        var accounts = new AccountService(server.Store.Accounts);
        Assert.Null(await accounts.AddUserAsync(new NewUser("lena", Role.Leader, "demo", [], []), Password));
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);

        await page.GotoAsync(server.Url("/equity"));
        Assert.EndsWith("/signin?ReturnUrl=%2Fequity", page.Url, StringComparison.Ordinal);
        await page.Locator("#user").FillAsync("lena");
        await page.Locator("#password").FillAsync("wrong password!");
        await page.Locator("#signin-button").ClickAsync();
        Assert.Equal("The user name or password is not right.", await page.Locator("#signin-error").TextContentAsync());
        await PageEvidence.ScreenshotAsync(page, "signin", output);

        await page.Locator("#user").FillAsync("lena");
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#signin-button").ClickAsync();
        await page.WaitForURLAsync(server.Url("/equity"));
        await page.Locator("#equity-table table").WaitForAsync();
        await page.Locator("#account .who", new PageLocatorOptions { HasTextString = "lena (leader: demo)" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("#automatic-sign-in").CountAsync());

        await page.Locator("#signout-button").ClickAsync();
        await page.WaitForURLAsync(server.Url("/signin"));
        await page.GotoAsync(server.Url("/"));
        Assert.Contains("/signin?ReturnUrl=", page.Url, StringComparison.Ordinal);
        // The one error is the wrong password's 401.
        Assert.True(errors.All(e => e.Contains("status of 401", StringComparison.Ordinal)), string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task The_admin_page_adds_a_user_issues_a_key_and_shows_the_audit_log_with_its_csv()
    {
        await using var server = await LiveServer.StartAsync(automaticSignIn: false);
        Assert.Null(await new AccountService(server.Store.Accounts).AddUserAsync(new NewUser("root", Role.Admin, null, [], []), Password));
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);
        await page.GotoAsync(server.Url("/signin?ReturnUrl=%2Fadmin"));
        await page.Locator("#user").FillAsync("root");
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#signin-button").ClickAsync();
        await page.WaitForURLAsync(server.Url("/admin"));

        await page.Locator("#users-table td[data-key=name]", new PageLocatorOptions { HasTextString = "root" }).WaitForAsync();
        await page.Locator("#new-name").FillAsync("tom");
        await page.Locator("#new-role").SelectOptionAsync("teacher");
        await page.Locator("#new-organisation").FillAsync("demo");
        await page.Locator("#new-password").FillAsync(Password);
        await page.Locator("#add-user-button").ClickAsync();
        await page.Locator("#admin-error", new PageLocatorOptions { HasTextString = "A teacher needs at least one school, or a class of a school: a teacher sees only those students." }).WaitForAsync();

        await page.Locator("#new-classes").FillAsync("S1:11A, S1:11B");
        await page.Locator("#add-user-button").ClickAsync();
        await page.Locator("#users-table td[data-key=name]", new PageLocatorOptions { HasTextString = "tom" }).WaitForAsync();
        Assert.Equal("S1:11A, S1:11B", await page.Locator("#users-table tr", new PageLocatorOptions { HasTextString = "tom" }).Locator("td[data-key=classes]").TextContentAsync());

        await page.Locator("#manage-user").SelectOptionAsync("tom");
        await page.Locator("#issue-key-button").ClickAsync();
        await page.Locator("#issued-key", new PageLocatorOptions { HasTextString = "glk_" }).WaitForAsync();
        await page.Locator("#audit-table td[data-key=action]", new PageLocatorOptions { HasTextString = "API key issued" }).WaitForAsync();

        var actions = await page.Locator("#audit-table td[data-key=action]").AllTextContentsAsync();
        Assert.Equal(["API key issued", "user added", "sign-in"], actions.Take(3));
        var csv = Uri.UnescapeDataString((await page.Locator("#audit-table a.export").GetAttributeAsync("href"))!);
        Assert.Contains("When (UTC),User,Action,Detail,From", csv, StringComparison.Ordinal);
        Assert.Contains("user added", csv, StringComparison.Ordinal);
        await PageEvidence.ScreenshotAsync(page, "admin", output);

        await page.Locator("#audit-table a.export").ClickAsync();
        var audit = await server.Store.Accounts.ReadAuditAsync(1);
        for (var i = 0; i < 20 && audit[0].Action != "export"; i++)
        {
            await Task.Delay(100);
            audit = await server.Store.Accounts.ReadAuditAsync(1);
        }

        Assert.Equal(("export", "gradelens-audit-log.csv from /admin (3 rows)"), (audit[0].Action, audit[0].Detail));
        // The one error is the refused teacher's 400.
        Assert.True(errors.All(e => e.Contains("status of 400", StringComparison.Ordinal)), string.Join("\n", errors));
    }

    [BrowserFact]
    public async Task The_demo_on_127_0_0_1_signs_in_automatically_and_says_so()
    {
        await using var server = await LiveServer.StartAsync();
        var page = await chromium.NewPageAsync();
        var errors = PageEvidence.CollectErrors(page);
        await page.GotoAsync(server.Url("/"));
        await page.Locator("#automatic-sign-in").WaitForAsync();
        Assert.Equal("Signed in automatically: this demo server listens on 127.0.0.1 only, so nobody else can reach it.", await page.Locator("#automatic-sign-in").TextContentAsync());
        Assert.Equal("demo (admin: all data)", await page.Locator("#account .who").TextContentAsync());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
