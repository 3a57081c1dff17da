using System.Net;
using System.Net.Http.Json;
using GradeLens.Core.Accounts;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.TestHost;

namespace GradeLens.Web.Tests.Security;

/// <summary>
/// Deny by default, proven over every endpoint the app maps: nobody reaches data without signing in, and each role reaches
/// exactly the endpoints its policies allow and sees only its own rows (the store's scope, applied in SQL).
/// </summary>
public sealed class RoleAccessTests(TwoTrustsFixture fixture) : IClassFixture<TwoTrustsFixture>
{
    /// <summary>Sign-in, and the orchestrator's probes (which show no data and no path).</summary>
    private static readonly HashSet<string> Anonymous = ["GET /signin", "POST /signin", "GET /health/live", "GET /health/ready"];

    public static TheoryData<string> RoleNames => [.. TwoTrusts.Users.Select(u => u.Name)];

    [Fact]
    public void Every_endpoint_names_a_policy_or_allows_anonymous_callers_and_has_a_sample_request()
    {
        var endpoints = EndpointSamples.Enumerate(fixture.App);
        Assert.True(endpoints.Count > 40, $"only {endpoints.Count} endpoints found");
        Assert.All(endpoints, e => Assert.True(e.HasAuthorization || e.AllowsAnonymous, $"{e} has no authorization policy: it would rely on the fallback alone"));
        Assert.All(endpoints, e => Assert.True(e.IsPage || EndpointSamples.Requests.ContainsKey(e.Key), $"{e} has no sample request in EndpointSamples"));
        Assert.Equal(Anonymous.Order(), endpoints.Where(e => e.AllowsAnonymous).Select(e => e.Key).Order());
        Assert.All(endpoints.Where(e => !e.AllowsAnonymous), e => Assert.NotEmpty(e.Policies));
    }

    [Fact]
    public async Task Without_signing_in_every_endpoint_but_the_sign_in_page_refuses_and_pages_redirect_to_sign_in()
    {
        using var client = fixture.App.CreateClient();
        foreach (var endpoint in EndpointSamples.Enumerate(fixture.App).Where(e => !e.AllowsAnonymous))
        {
            using var response = await client.SendAsync(Request(endpoint));
            if (endpoint.IsBrowserAddress)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{endpoint}: {response.StatusCode}");
                var location = response.Headers.Location!;
                Assert.StartsWith(SignInEndpoints.Path + "?ReturnUrl=", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint}: {response.StatusCode}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(RoleNames))]
    public async Task Each_role_reaches_exactly_what_its_policies_allow_and_sees_only_its_own_rows(string name)
    {
        var user = TwoTrusts.Users.Single(u => u.Name == name);
        using var client = await fixture.App.SignInAsync(user.Name, TwoTrusts.Password);
        var bodies = new List<string>();
        // Signing out (here, or everywhere) would end the session the rest of the loop uses: SessionTests covers both.
        foreach (var endpoint in EndpointSamples.Enumerate(fixture.App).Where(e => !e.AllowsAnonymous && e.Key is not ("POST /signout" or "POST /signout/everywhere")))
        {
            using var request = Request(endpoint);
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            // A student outside the user's reach (north-002 for a teacher of South's 10Y) is not found, never shown; the
            // refusal may repeat the id the caller sent, which discloses nothing.
            var outOfReach = user.Never.Contains("north-") && request.RequestUri!.OriginalString.Contains(TwoTrusts.StudentInNorth10Y, StringComparison.Ordinal);
            var shown = outOfReach ? body.Replace(TwoTrusts.StudentInNorth10Y, "", StringComparison.Ordinal) : body;
            var allowed = endpoint.Policies.All(policy => Allows(policy, user.Role));
            if (!allowed)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{user} {endpoint}: {response.StatusCode} (expected 403)");
                continue;
            }

            if (endpoint.IsRead)
            {
                var expected = outOfReach ? HttpStatusCode.NotFound : HttpStatusCode.OK;
                Assert.True(response.StatusCode == expected, $"{user} {endpoint}: {response.StatusCode} (expected {expected}) {body[..Math.Min(300, body.Length)]}");
            }
            else
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{user} {endpoint}: {response.StatusCode}");
            }

            foreach (var marker in user.Never)
            {
                Assert.False(shown.Contains(marker, StringComparison.Ordinal), $"{user} {endpoint} shows '{marker}'");
            }

            bodies.Add(body);
        }

        foreach (var marker in user.Sees)
        {
            Assert.Contains(bodies, b => b.Contains(marker, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_analyst_never_gets_a_group_below_the_minimum_cell_size_even_when_asking_for_one()
    {
        using var analyst = await fixture.App.SignInAsync("ann", TwoTrusts.Password);
        using var leader = await fixture.App.SignInAsync("lena", TwoTrusts.Password);
        var asAnalyst = await analyst.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/gaps/table?minN=1&within=subject");
        var asLeader = await leader.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/gaps/table?minN=1&within=subject");
        Assert.Equal(GradeLens.Core.Storage.Scope.DefaultMinimumCellSize, asAnalyst.GetProperty("minimumCellSize").GetInt32());
        Assert.Equal(1, asLeader.GetProperty("minimumCellSize").GetInt32());
    }

    [Fact]
    public async Task An_api_key_carries_its_users_scope_needs_no_antiforgery_token_and_an_unknown_key_is_refused()
    {
        var accounts = new AccountService(StoreOf(fixture.App).Accounts);
        var key = await accounts.IssueApiKeyAsync("tom", "test");
        using var client = fixture.App.App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);

        var students = await client.GetStringAsync("/api/tracking/students?subject=Maths");
        Assert.Contains("north-", students, StringComparison.Ordinal);
        Assert.DoesNotContain("south-", students, StringComparison.Ordinal);
        using var export = await client.PostAsJsonAsync("/api/audit/exports", new ExportRecord("students.csv", "/tracking", 3));
        Assert.Equal(HttpStatusCode.NoContent, export.StatusCode);
        using var admin = await client.GetAsync("/api/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, admin.StatusCode);

        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key + "x");
        using var unknown = await client.GetAsync("/api/overview");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
    }

    internal static HttpRequestMessage Request(MappedEndpoint endpoint)
    {
        var method = new HttpMethod(endpoint.Key.Split(' ')[0]);
        var path = EndpointSamples.Requests.TryGetValue(endpoint.Key, out var sample) ? sample : endpoint.Key.Split(' ', 2)[1];
        var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get)
        {
            // The import endpoint only matches a multipart body (routing answers 415 to others before authorization runs).
            request.Content = path == "/api/imports" ? new MultipartFormDataContent() : JsonContent.Create(new { });
        }

        return request;
    }

    internal static GradeLens.Core.Storage.IGradeStore StoreOf(GradeLensApplication app) =>
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<GradeLens.Core.Storage.IGradeStore>(app.App.Services);

    private static bool Allows(string policy, Role role) => policy switch
    {
        Policies.Reader => true,
        Policies.StudentRows => role is Role.Admin or Role.Leader or Role.Teacher,
        Policies.Admin => role == Role.Admin,
        _ => throw new InvalidOperationException($"Unknown policy {policy}: add it to this test."),
    };
}
