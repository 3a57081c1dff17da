using GradeLens.Core.Storage;
using GradeLens.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Browser.Tests;

/// <summary>The real app on Kestrel at 127.0.0.1 on a free port, over its own temp DuckDB store.</summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;
    private readonly WebApplication _app;

    private LiveServer(DirectoryInfo directory, WebApplication app, Uri address)
    {
        _directory = directory;
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public IGradeStore Store => _app.Services.GetRequiredService<IGradeStore>();

    /// <param name="configure">Changes to the app before it builds (e.g. a stand-in store).</param>
    /// <param name="automaticSignIn">As the demo on 127.0.0.1: the browser is the admin "demo" without signing in.</param>
    public static async Task<LiveServer> StartAsync(Action<WebApplicationBuilder>? configure = null, bool automaticSignIn = true)
    {
        var directory = Directory.CreateTempSubdirectory("gradelens-browser-");
        var app = WebApp.Build(new WebAppOptions(
            Path.Combine(directory.FullName, "gradelens.duckdb"),
            Urls: "http://127.0.0.1:0",
            Configure: configure,
            AutomaticSignIn: automaticSignIn));
        await app.StartAsync();
        return new LiveServer(directory, app, new Uri(app.Urls.Single()));
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        GradeLens.Testing.TempFolders.Delete(_directory);
    }
}
