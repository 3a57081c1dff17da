using System.Net;
using System.Net.Http.Json;
using GradeLens.Core.Accounts;
using GradeLens.Web.Admin;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.TestHost;

namespace GradeLens.Web.Tests.Security;

/// <summary>
/// Sessions end when they should, on the server: a cookie captured before the end and replayed after it is refused (401 from
/// the API, a redirect to sign-in from a page), whether the user signed out, an admin set a new password, changed their
/// role, locked them, or they signed out everywhere.
/// </summary>
public sealed class SessionTests
{
    [Fact]
    public async Task A_cookie_replayed_after_sign_out_is_refused_and_the_other_session_goes_on()
    {
        await using var app = await TwoTrusts.StartAsync();
        var (client, cookie) = await SignInAsync(app, "lena");
        var (_, other) = await SignInAsync(app, "lena");
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(app, cookie, "/api/overview"));

        using (var signOut = await client.PostAsync("/signout", null))
        {
            Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(app, cookie, "/api/overview"));
        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync(app, cookie, "/"));
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(app, other, "/api/overview"));
        client.Dispose();
    }

    [Fact]
    public async Task A_cookie_replayed_after_an_admin_sets_a_new_password_is_refused()
    {
        await using var app = await TwoTrusts.StartAsync();
        var (lena, cookie) = await SignInAsync(app, "lena");
        using var admin = await app.SignInAsync("admin", TwoTrusts.Password);

        using var reset = await admin.PostAsJsonAsync("/api/admin/users/lena/password", new PasswordRequest("a brand new password"));

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(app, cookie, "/api/overview"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await lena.GetAsync("/api/overview")).StatusCode);
        using var signedInAgain = await app.SignInAsync("lena", "a brand new password");
        Assert.Equal(HttpStatusCode.OK, (await signedInAgain.GetAsync("/api/overview")).StatusCode);
        lena.Dispose();
    }

    [Fact]
    public async Task A_new_role_or_reach_ends_the_session_and_a_lock_ends_it_and_refuses_sign_in_with_the_usual_sentence()
    {
        await using var app = await TwoTrusts.StartAsync();
        var (_, tomCookie) = await SignInAsync(app, "tom");
        var (_, caraCookie) = await SignInAsync(app, "cara");
        using var admin = await app.SignInAsync("admin", TwoTrusts.Password);

        using var changed = await admin.PutAsJsonAsync("/api/admin/users/tom", new UserChangeRequest("teacher", "trust-a", Classes: ["North School:10X"]));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(["North School:10X"], (await changed.Content.ReadFromJsonAsync<UserView>(GradeLensApplication.Json))!.Classes);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(app, tomCookie, "/api/overview"));

        using var locked = await admin.PostAsync("/api/admin/users/cara/lock", null);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Equal(new AccessEnded(1, 0), await locked.Content.ReadFromJsonAsync<AccessEnded>(GradeLensApplication.Json));
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(app, caraCookie, "/api/overview"));
        using var anonymous = app.CreateClient();
        using var refused = await anonymous.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(anonymous, "cara", TwoTrusts.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(SignInEndpoints.Refusal, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var audit = (await admin.GetFromJsonAsync<List<AuditEntry>>("/api/admin/audit", GradeLensApplication.Json))!;
        Assert.Contains(audit, a => a is { User: "admin", Action: AuditTrail.UserChanged, Detail: "tom (teacher, trust-a, North School:10X)" });
        Assert.Contains(audit, a => a is { User: "admin", Action: AuditTrail.UserLocked, Detail: "cara (1 session ended, 0 API keys revoked)" });
        Assert.Contains(audit, a => a is { User: "cara", Action: AuditTrail.SignInFailed, Detail: "account locked" });
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_and_api_key_of_the_user_and_no_one_elses()
    {
        await using var app = await TwoTrusts.StartAsync();
        var (phone, _) = await SignInAsync(app, "lena");
        var (_, laptop) = await SignInAsync(app, "lena");
        var (_, tom) = await SignInAsync(app, "tom");
        var accounts = new AccountService(RoleAccessTests.StoreOf(app).Accounts);
        var key = (await accounts.IssueApiKeyAsync("lena", "nightly"))!;

        using var everywhere = await phone.PostAsync("/signout/everywhere", null);

        Assert.Equal(HttpStatusCode.Redirect, everywhere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayAsync(app, laptop, "/api/overview"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.GetAsync("/api/overview")).StatusCode);
        Assert.Null(await accounts.AuthenticateApiKeyAsync(key));
        Assert.Equal(HttpStatusCode.OK, await ReplayAsync(app, tom, "/api/overview"));
        var entry = (await RoleAccessTests.StoreOf(app).Accounts.ReadAuditAsync(5)).First(e => e.Action == AuditTrail.SignOutEverywhere);
        Assert.Equal(("lena", "2 sessions ended, 1 API key revoked"), (entry.User, entry.Detail));
        phone.Dispose();
    }

    /// <summary>A signed-in client, and its session cookie as the Cookie header would carry it (to replay from another client).</summary>
    internal static async Task<(HttpClient Client, string Cookie)> SignInAsync(GradeLensApplication app, string user)
    {
        var client = app.CreateClient();
        using var response = await client.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(client, user, TwoTrusts.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(GradeLensSecurity.CookieName + "=", StringComparison.Ordinal));
        return (client, cookie.Split(';')[0]);
    }

    /// <summary>The status of a GET that carries only <paramref name="cookie"/>, from a client of its own (no redirects followed).</summary>
    internal static async Task<HttpStatusCode> ReplayAsync(GradeLensApplication app, string cookie, string path)
    {
        using var client = app.App.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
