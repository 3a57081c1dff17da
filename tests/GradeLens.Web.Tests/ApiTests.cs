using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GradeLens.Core.Import;
using GradeLens.Core.Quality;
using GradeLens.Core.Storage;
using GradeLens.Web.Health;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests;

public sealed class ApiTests
{
    [Fact]
    public async Task Health_says_ok_and_names_the_store_and_its_schema_version()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        var health = await client.GetFromJsonAsync<HealthReport>("/health");

        Assert.NotNull(health);
        Assert.Equal("ok", health.Status);
        Assert.EndsWith("gradelens.duckdb", health.Store);
        Assert.Equal(StoreSchema.Version, health.SchemaVersion);
    }

    [Fact]
    public async Task OpenApi_document_is_json_listing_the_overview_and_import_endpoints()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var paths = document.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/overview", out var overview));
        Assert.True(overview.TryGetProperty("get", out _));
        Assert.True(paths.TryGetProperty("/api/imports", out var imports));
        Assert.True(imports.TryGetProperty("post", out _));
    }

    [Fact]
    public async Task Overview_of_an_empty_store_counts_zero_everywhere()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        var info = await client.GetFromJsonAsync<StoreInfo>("/api/overview", GradeLensApplication.Json);

        Assert.NotNull(info);
        Assert.Equal(StoreSchema.Version, info.SchemaVersion);
        Assert.Equal(0, info.Students);
        Assert.Equal(0, info.Schools);
        Assert.Equal(0, info.Regions);
        Assert.Empty(info.Subjects);
        Assert.Empty(info.Series);
        Assert.Equal(StoreSchema.Tables, info.TableCounts.Keys);
        Assert.All(info.TableCounts.Values, count => Assert.Equal(0, count));
    }

    [Fact]
    public async Task Overview_counts_what_the_store_holds()
    {
        await using var app = await GradeLensApplication.StartAsync();
        var store = app.App.Services.GetRequiredService<IGradeStore>();
        await store.WriteQualityAsync(TwoProgrammes, "uni");
        using var client = app.CreateClient();

        var info = await client.GetFromJsonAsync<StoreInfo>("/api/overview", GradeLensApplication.Json);

        Assert.NotNull(info);
        Assert.Equal(2, info.TableCounts["he_programmes"]);
        Assert.Equal(1, info.TableCounts["he_modules"]);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_ProblemDetails_404()
    {
        await using var app = await GradeLensApplication.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/x");

        var problem = await ReadProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(404, problem.Status);
    }

    [Fact]
    public async Task A_busy_store_is_a_409_ProblemDetails_carrying_its_message()
    {
        await using var app = await GradeLensApplication.StartAsync(configure: builder =>
            builder.Services.AddSingleton<IGradeStore>(new BusyStore()));
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/overview");

        var problem = await ReadProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("in use by another GradeLens process", problem.Detail);
    }

    [Fact]
    public async Task A_store_of_another_version_is_a_500_ProblemDetails_carrying_its_message()
    {
        await using var app = await GradeLensApplication.StartAsync(configure: builder =>
            builder.Services.AddSingleton<IGradeStore>(new BusyStore(new StoreVersionException("old.duckdb", 7, StoreSchema.Version))));
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/api/overview");

        var problem = await ReadProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Contains("schema version 7", problem.Detail);
    }

    internal static async Task<ProblemDetails> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonSerializer.Deserialize<ProblemDetails>(body, GradeLensApplication.Json);
        Assert.NotNull(problem);
        return problem;
    }

    private static QualityData TwoProgrammes { get; } = new(
        [new Programme("P1", "Physics", "Science"), new Programme("P2", "الأدب العربي", "Lettres")],
        [new CourseModule("M1", "P1", "Mechanics", "2024-Fall")],
        [], [], [], [], []);

    /// <summary>A store another process holds: every call fails as DuckDbStore does then.</summary>
    private sealed class BusyStore(Exception? failure = null) : IGradeStore
    {
        private readonly Exception _failure = failure ?? new StoreBusyException("busy.duckdb", new IOException("Could not set lock on file"));

        public string Location => "busy.duckdb";

        public GradeLens.Core.Accounts.IAccountStore Accounts => throw _failure;

        public StoreSqlDialect Sql => StoreSqlDialect.DuckDb;

        public AnswerCache Answers { get; } = new();

        public Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) => throw _failure;

        public Task<string> GetDataVersionAsync(CancellationToken cancellationToken = default) => throw _failure;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
