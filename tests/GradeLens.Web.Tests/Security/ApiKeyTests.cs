using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GradeLens.Core.Accounts;
using GradeLens.Web.Admin;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests.Security;

/// <summary>
/// An API key works until it should not: after its user's password is reset, after an admin locks them, after it is revoked
/// (one key, from the Admin API), and after it expires (the app's clock moved on). Each change is in the audit log.
/// </summary>
public sealed class ApiKeyTests
{
    [Fact]
    public async Task A_key_stops_working_after_a_password_reset_and_after_a_lock()
    {
        await using var app = await TwoTrusts.StartAsync();
        using var admin = await app.SignInAsync("admin", TwoTrusts.Password);
        var tomsKey = await IssueAsync(admin, "tom", new KeyRequest("nightly"));
        var lenasKey = await IssueAsync(admin, "lena", new KeyRequest("nightly"));
        Assert.Equal(HttpStatusCode.OK, await WithKeyAsync(app, tomsKey.Key));

        using (var reset = await admin.PostAsJsonAsync("/api/admin/users/tom/password", new PasswordRequest("a brand new password")))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await WithKeyAsync(app, tomsKey.Key));
        Assert.Equal(HttpStatusCode.OK, await WithKeyAsync(app, lenasKey.Key));
        using (var locked = await admin.PostAsync("/api/admin/users/lena/lock", null))
        {
            Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await WithKeyAsync(app, lenasKey.Key));
        var keys = (await admin.GetFromJsonAsync<List<KeyView>>("/api/admin/users/tom/keys", GradeLensApplication.Json))!;
        Assert.Equal(("revoked", "password set"), (Assert.Single(keys).State, keys[0].RevokedReason));
    }

    [Fact]
    public async Task An_admin_lists_a_users_keys_and_revokes_one_which_stops_working_at_once_and_is_audited()
    {
        await using var app = await TwoTrusts.StartAsync();
        using var admin = await app.SignInAsync("admin", TwoTrusts.Password);
        var nightly = await IssueAsync(admin, "tom", new KeyRequest("nightly", 30));
        var weekly = await IssueAsync(admin, "tom", new KeyRequest("weekly"));
        Assert.Equal(HttpStatusCode.OK, await WithKeyAsync(app, nightly.Key));

        var listed = (await admin.GetFromJsonAsync<List<KeyView>>("/api/admin/users/tom/keys", GradeLensApplication.Json))!;
        Assert.Equal(new[] { nightly.Id, weekly.Id }.Order(StringComparer.Ordinal), listed.Select(k => k.Id).Order(StringComparer.Ordinal));
        var listedNightly = listed.Single(k => k.Id == nightly.Id);
        Assert.Equal(("nightly", "active", 30), (listedNightly.Label, listedNightly.State, (int)Math.Round((listedNightly.ExpiresAt - listedNightly.CreatedAt).TotalDays)));
        Assert.NotNull(listedNightly.LastUsedAt);
        Assert.DoesNotContain(nightly.Key, await admin.GetStringAsync("/api/admin/users/tom/keys"), StringComparison.Ordinal);

        using (var revoke = await admin.DeleteAsync($"/api/admin/users/tom/keys/{nightly.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await WithKeyAsync(app, nightly.Key));
        Assert.Equal(HttpStatusCode.OK, await WithKeyAsync(app, weekly.Key));
        using (var again = await admin.DeleteAsync($"/api/admin/users/tom/keys/{nightly.Id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        }

        var after = (await admin.GetFromJsonAsync<List<KeyView>>("/api/admin/users/tom/keys", GradeLensApplication.Json))!.Single(k => k.Id == nightly.Id);
        Assert.Equal(("revoked", "revoked by admin"), (after.State, after.RevokedReason));
        var audit = (await admin.GetFromJsonAsync<List<AuditEntry>>("/api/admin/audit", GradeLensApplication.Json))!;
        Assert.Contains(audit, a => a is { User: "admin", Action: AuditTrail.KeyRevoked } && a.Detail == $"tom (key {nightly.Id})");
        Assert.Contains(audit, a => a is { User: "admin", Action: AuditTrail.KeyIssued } && a.Detail.StartsWith($"tom (nightly, key {nightly.Id}, expires ", StringComparison.Ordinal));
        using var tooLong = await admin.PostAsJsonAsync("/api/admin/users/tom/keys", new KeyRequest("x", 5000));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task A_key_stops_working_when_it_expires_by_the_apps_clock()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await using var app = await TwoTrusts.StartAsync(builder => builder.Services.AddSingleton<TimeProvider>(clock));
        var accounts = app.App.Services.GetRequiredService<AccountService>();
        var issued = (await accounts.IssueKeyAsync("tom", "short", 1))!;
        Assert.Equal(HttpStatusCode.OK, await WithKeyAsync(app, issued.Secret));

        clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(HttpStatusCode.OK, await WithKeyAsync(app, issued.Secret));
        var used = (await accounts.Store.Keys.ListAsync("tom")).Single();
        Assert.Equal(clock.GetUtcNow().UtcDateTime, used.LastUsedAt!.Value, TimeSpan.FromMilliseconds(1));

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.Unauthorized, await WithKeyAsync(app, issued.Secret));
        Assert.Equal(ApiKeyState.Expired, (await accounts.Store.Keys.ListAsync("tom")).Single().StateAt(accounts.Now));
    }

    private static async Task<IssuedKey> IssueAsync(HttpClient admin, string user, KeyRequest request)
    {
        using var response = await admin.PostAsJsonAsync($"/api/admin/users/{user}/keys", request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IssuedKey>(GradeLensApplication.Json))!;
    }

    private static async Task<HttpStatusCode> WithKeyAsync(GradeLensApplication app, string key)
    {
        using var client = app.App.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.GetAsync("/api/overview");
        return response.StatusCode;
    }
}

/// <summary>The app's clock, moved on by a test (Microsoft.Extensions.TimeProvider.Testing is not referenced here).</summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
