using System.Net;
using System.Text.RegularExpressions;
using GradeLens.Core.Accounts;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.TestHost;

namespace GradeLens.Web.Tests.Security;

/// <summary>
/// Behind a reverse proxy and against strangers: forwarded headers believed only from the listed proxies, Secure cookies
/// over https, sign-in limits and lock-outs per client address, one sentence for every refused sign-in.
/// </summary>
public sealed partial class HardeningTests
{
    private const string Client = "203.0.113.7";

    [Fact]
    public async Task Behind_a_listed_proxy_the_client_address_and_https_are_believed_the_cookie_is_secure_and_the_audit_names_the_client()
    {
        await using var app = await ProxiedApp.StartAsync();

        var cookie = await SignInCookieAsync(app, "lena", (PeerAddress.Header, ProxiedApp.Proxy), ("X-Forwarded-For", Client), ("X-Forwarded-Proto", "https"));

        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        var entry = (await RoleAccessTests.StoreOf(app).Accounts.ReadAuditAsync(10)).First(e => e.Action == AuditTrail.SignIn);
        Assert.Equal(("lena", Client), (entry.User, entry.RemoteAddress));
    }

    [Fact]
    public async Task Forwarded_headers_from_anyone_else_are_ignored()
    {
        await using var app = await ProxiedApp.StartAsync();

        var cookie = await SignInCookieAsync(app, "lena", (PeerAddress.Header, "198.51.100.9"), ("X-Forwarded-For", Client), ("X-Forwarded-Proto", "https"));

        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        var entry = (await RoleAccessTests.StoreOf(app).Accounts.ReadAuditAsync(10)).First(e => e.Action == AuditTrail.SignIn);
        Assert.Equal("198.51.100.9", entry.RemoteAddress);
    }

    [Fact]
    public async Task A_request_over_https_gets_a_secure_cookie_without_any_proxy()
    {
        await using var app = await TwoTrusts.StartAsync();
        using var client = app.CreateClient();
        client.BaseAddress = new Uri("https://localhost/");
        using var response = await client.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(client, "lena", TwoTrusts.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_sign_in_limit_counts_each_client_behind_the_proxy_on_its_own()
    {
        await using var app = await ProxiedApp.StartAsync(signInAttemptsPerMinute: 3);
        using var first = PeerAddress.Client(app, ProxiedApp.Proxy, ("X-Forwarded-For", Client));
        using var second = PeerAddress.Client(app, "192.168.4.2", ("X-Forwarded-For", "203.0.113.8"));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await SignInStatusAsync(first, "nobody", "whatever it is"));
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInStatusAsync(second, "nobody", "whatever it is"));
    }

    [Fact]
    public async Task A_stranger_locks_only_their_own_address_out_and_every_refusal_says_the_same_sentence()
    {
        await using var app = await TwoTrusts.StartAsync(PeerAddress.AddTo);
        using var stranger = PeerAddress.Client(app, "198.51.100.9");
        var sentences = new List<string>();
        for (var i = 0; i < AccountService.MaxFailedAttempts; i++)
        {
            sentences.Add(await RefusalAsync(stranger, "admin", "guess " + i));
        }

        sentences.Add(await RefusalAsync(stranger, "admin", TwoTrusts.Password)); // right password, locked-out address
        sentences.Add(await RefusalAsync(stranger, "no-such-user", "guess"));
        Assert.All(sentences, s => Assert.Equal(SignInEndpoints.Refusal, s));

        using var owner = PeerAddress.Client(app, "192.0.2.10");
        Assert.Equal(HttpStatusCode.Redirect, await SignInStatusAsync(owner, "admin", TwoTrusts.Password));
        var audit = await RoleAccessTests.StoreOf(app).Accounts.ReadAuditAsync(20);
        Assert.Equal(2, audit.Count(a => a is { User: "admin", Detail: "locked out for this address", RemoteAddress: "198.51.100.9" }));
        Assert.Contains(audit, a => a is { User: "admin", Action: AuditTrail.SignIn, RemoteAddress: "192.0.2.10" });
    }

    [Fact]
    public void A_malformed_proxy_list_is_refused_with_a_sentence_before_anything_starts()
    {
        var error = Assert.Throws<ArgumentException>(() => WebApp.Build(new WebAppOptions(
            Path.Combine(Path.GetTempPath(), $"gradelens-{Guid.NewGuid():N}.duckdb"), TrustedProxies: "10.0.0.1, proxy.example")));
        Assert.Equal("GRADELENS_TRUSTED_PROXIES holds \"proxy.example\", which is neither an address (10.0.0.5) nor a network (10.0.0.0/8); " +
                     "list the reverse proxies in front of GradeLens, comma-separated.", error.Message);
        Assert.Equal(3, TrustedProxies.Parse(" 10.0.0.1,192.168.0.0/16 , ::1").Count);
    }

    /// <summary>
    /// The session's Set-Cookie header after signing in with <paramref name="headers"/> on every request, carrying the
    /// antiforgery cookie by hand (a cookie container would not send back a Secure one over the test server's http).
    /// </summary>
    private static async Task<string> SignInCookieAsync(GradeLensApplication app, string user, params (string Name, string Value)[] headers)
    {
        using var client = app.App.GetTestClient();
        foreach (var (name, value) in headers)
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        using var page = await client.GetAsync(SignInEndpoints.Path);
        var token = TokenField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, SignInEndpoints.Path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["user"] = user, ["password"] = TwoTrusts.Password }),
        };
        post.Headers.Add("Cookie", page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("gradelens-antiforgery=", StringComparison.Ordinal)).Split(';')[0]);
        using var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(GradeLensSecurity.CookieName + "=", StringComparison.Ordinal));
    }

    private static async Task<HttpStatusCode> SignInStatusAsync(HttpClient client, string user, string password)
    {
        using var response = await client.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(client, user, password));
        return response.StatusCode;
    }

    /// <summary>The sentence a refused sign-in shows (its status must be 401).</summary>
    private static async Task<string> RefusalAsync(HttpClient client, string user, string password)
    {
        using var response = await client.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(client, user, password));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        return WebUtility.HtmlDecode(ErrorLine().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    [GeneratedRegex("<p class=\"error\" id=\"signin-error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex ErrorLine();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
