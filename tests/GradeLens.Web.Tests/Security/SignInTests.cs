using System.Net;
using System.Net.Http.Json;
using GradeLens.Core.Accounts;
using GradeLens.Web.Security;

namespace GradeLens.Web.Tests.Security;

public sealed class SignInTests
{
    [Fact]
    public async Task A_wrong_password_is_refused_five_lock_that_address_out_with_the_same_sentence_and_the_audit_log_has_every_attempt()
    {
        await using var app = await TwoTrusts.StartAsync();
        using var client = app.CreateClient();
        using (var wrong = await client.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(client, "lena", "not the password")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("The user name or password is not right.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        for (var i = 2; i <= AccountService.MaxFailedAttempts; i++)
        {
            using var again = await client.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(client, "lena", "guess " + i));
            Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        }

        using var locked = await client.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(client, "lena", TwoTrusts.Password));
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var body = await locked.Content.ReadAsStringAsync();
        Assert.Contains("The user name or password is not right.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("locked", body, StringComparison.OrdinalIgnoreCase);

        using var admin = await app.SignInAsync("admin", TwoTrusts.Password);
        var audit = (await admin.GetFromJsonAsync<List<AuditEntry>>("/api/admin/audit", GradeLensApplication.Json))!;
        // The fifth wrong password locks this address out; the right one after it is refused as locked out too.
        Assert.Equal(AccountService.MaxFailedAttempts - 1, audit.Count(a => a is { User: "lena", Action: AuditTrail.SignInFailed, Detail: "wrong user name or password" }));
        Assert.Equal(2, audit.Count(a => a is { User: "lena", Action: AuditTrail.SignInFailed, Detail: "locked out for this address" }));
        Assert.Contains(audit, a => a is { User: "admin", Action: AuditTrail.SignIn });
        Assert.DoesNotContain(audit, a => a.Detail.Contains(TwoTrusts.Password, StringComparison.Ordinal) || a.Detail.Contains("guess", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sign_in_is_rate_limited_per_address()
    {
        await using var app = await GradeLensApplication.StartAsync(automaticSignIn: false, signInAttemptsPerMinute: 3);
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(client, "nobody", "whatever it is"));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_same_site_strict_and_a_removed_user_is_signed_out_at_once()
    {
        await using var app = await TwoTrusts.StartAsync();
        using var client = app.CreateClient();
        using var signIn = await client.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(client, "lena", TwoTrusts.Password));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(GradeLensSecurity.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase); // plain http here: HardeningTests has https
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/overview")).StatusCode);

        Assert.True(await RoleAccessTests.StoreOf(app).Accounts.RemoveUserAsync("lena"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/overview")).StatusCode);
    }

    [Fact]
    public async Task A_change_without_the_antiforgery_token_is_refused_even_with_a_valid_session()
    {
        await using var app = await TwoTrusts.StartAsync();
        using var signedIn = await app.SignInAsync("admin", TwoTrusts.Password);
        using var forged = new HttpRequestMessage(HttpMethod.Post, "/api/admin/users") { Content = JsonContent.Create(new UserRequest("eve", "admin", "a long enough password")) };
        forged.Headers.Add(GradeLensSecurity.AntiforgeryHeader, "forged");
        using var refused = await signedIn.SendAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("antiforgery token is missing or stale", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await RoleAccessTests.StoreOf(app).Accounts.FindUserAsync("eve"));

        using var accepted = await signedIn.PostAsJsonAsync("/api/admin/users", new UserRequest("eve", "analyst", "a long enough password", "trust-a"));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);

        using var anonymous = app.CreateClient();
        using var noToken = await anonymous.PostAsync(SignInEndpoints.Path, new FormUrlEncodedContent(new Dictionary<string, string> { ["user"] = "eve", ["password"] = "a long enough password" }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
    }

    [Fact]
    public async Task Pages_and_answers_carry_the_security_headers_and_api_answers_are_not_cached()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();
        foreach (var path in new[] { "/", "/api/overview", SignInEndpoints.Path })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        }

        using var api = await client.GetAsync("/api/overview");
        Assert.True(api.Headers.CacheControl!.NoStore);
    }

    [Fact]
    public void Automatic_sign_in_is_refused_for_a_server_other_computers_can_reach()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WebApp.Build(new WebAppOptions(
            Path.Combine(Path.GetTempPath(), $"gradelens-{Guid.NewGuid():N}.duckdb"), Urls: "http://0.0.0.0:0", AutomaticSignIn: true)));
        Assert.Equal("Automatic sign-in is only for a server on 127.0.0.1; http://0.0.0.0:0 reaches other computers, so users must sign in.", error.Message);
        Assert.True(GradeLensSecurity.OnlyLoopback("http://127.0.0.1:5080;http://[::1]:5080"));
        Assert.False(GradeLensSecurity.OnlyLoopback("http://127.0.0.1:5080;http://192.168.1.4:5080"));
    }
}
