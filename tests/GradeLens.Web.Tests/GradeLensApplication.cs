using System.Text.Json;
using System.Text.Json.Serialization;
using GradeLens.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;

namespace GradeLens.Web.Tests;

/// <summary>The whole web app on the in-memory test server, over its own temp DuckDB store: tests never share state.</summary>
public sealed class GradeLensApplication : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;

    private GradeLensApplication(DirectoryInfo directory, WebApplication app)
    {
        _directory = directory;
        App = app;
    }

    public WebApplication App { get; }

    /// <summary>How the API writes JSON (camelCase, enums as strings), to read typed responses back.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<GradeLensApplication> StartAsync(
        long maxUploadBytes = WebAppOptions.DefaultMaxUploadBytes,
        Action<WebApplicationBuilder>? configure = null)
    {
        var directory = Directory.CreateTempSubdirectory("gradelens-web-");
        var options = new WebAppOptions(
            Path.Combine(directory.FullName, "gradelens.duckdb"),
            MaxUploadBytes: maxUploadBytes,
            Configure: builder =>
            {
                builder.WebHost.UseTestServer();
                configure?.Invoke(builder);
            });
        var app = WebApp.Build(options);
        await app.StartAsync();
        return new GradeLensApplication(directory, app);
    }

    public HttpClient CreateClient() => App.GetTestClient();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        _directory.Delete(recursive: true);
    }
}
