using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using GradeLens.Core.Accounts;
using GradeLens.Core.Storage;
using GradeLens.Web.Health;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests.Security;

/// <summary>An orchestrator probes liveness and readiness without a key and learns nothing else; the detailed health is for admins.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Liveness_and_readiness_answer_anyone_with_a_status_and_nothing_about_the_data_or_where_it_is()
    {
        await using var app = await TwoTrusts.StartAsync();
        using var anonymous = app.CreateClient();
        var store = RoleAccessTests.StoreOf(app);

        foreach (var (path, status) in new[] { ("/health/live", "live"), ("/health/ready", "ready") })
        {
            using var response = await anonymous.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(status, (await response.Content.ReadFromJsonAsync<ProbeReport>(GradeLensApplication.Json))!.Status);
            Assert.DoesNotContain(Path.GetFileName(store.Location), body, StringComparison.Ordinal);
            Assert.DoesNotContain("trust-", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_detailed_health_is_for_admins_only()
    {
        await using var app = await TwoTrusts.StartAsync();
        using var anonymous = app.CreateClient();
        using var leader = await app.SignInAsync("lena", TwoTrusts.Password);
        using var admin = await app.SignInAsync("admin", TwoTrusts.Password);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync("/health")).StatusCode);
        var health = await admin.GetFromJsonAsync<HealthReport>("/health", GradeLensApplication.Json);
        Assert.Equal(("ok", RoleAccessTests.StoreOf(app).Location, StoreSchema.Version), (health!.Status, health.Store, health.SchemaVersion));
    }

    [Fact]
    public async Task Readiness_answers_503_without_the_stores_error_when_the_store_does_not_answer()
    {
        await using var app = await GradeLensApplication.StartAsync(configure: builder =>
        {
            var original = builder.Services.Last(d => d.ServiceType == typeof(IGradeStore));
            builder.Services.AddSingleton<IGradeStore>(services => new UnreachableStore((IGradeStore)original.ImplementationFactory!(services)));
        });
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"status":"unavailable"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health/live")).StatusCode);
    }

    /// <summary>A store whose connections fail (a database server gone), everything else as the real one.</summary>
    private sealed class UnreachableStore(IGradeStore inner) : IGradeStore
    {
        public string Location => inner.Location;

        public IAccountStore Accounts => inner.Accounts;

        public StoreSqlDialect Sql => inner.Sql;

        public AnswerCache Answers => inner.Answers;

        public Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("connection refused to /secret/path/store.duckdb");

        public Task<string> GetDataVersionAsync(CancellationToken cancellationToken = default) => inner.GetDataVersionAsync(cancellationToken);

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
