using System.Text.Json;
using System.Text.Json.Serialization;
using GradeLens.Web;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;

namespace GradeLens.Web.Tests;

/// <summary>The whole web app on the in-memory test server, over its own temp DuckDB store: tests never share state.</summary>
public sealed class GradeLensApplication : IAsyncDisposable
{
    private readonly DirectoryInfo _directory;

    private readonly UnhandledExceptions _logged;

    private GradeLensApplication(DirectoryInfo directory, WebApplication app, UnhandledExceptions logged)
    {
        _directory = directory;
        App = app;
        _logged = logged;
    }

    /// <summary>A test that provokes a server error on purpose says so; any other logged error fails the test when the app is disposed.</summary>
    public bool ExpectsServerErrors { get; set; }

    public WebApplication App { get; }

    /// <summary>How the API writes JSON (camelCase, enums as strings), to read typed responses back.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <param name="automaticSignIn">As the demo: every request is the admin "demo". Off for the sign-in and role tests.</param>
    /// <param name="store">The store (a postgres:// URL); a new DuckDB file in the test's temp folder when null.</param>
    public static async Task<GradeLensApplication> StartAsync(
        long maxUploadBytes = WebAppOptions.DefaultMaxUploadBytes,
        Action<WebApplicationBuilder>? configure = null,
        bool automaticSignIn = true,
        int signInAttemptsPerMinute = 10,
        string? store = null)
    {
        var directory = Directory.CreateTempSubdirectory("gradelens-web-");
        var logged = new UnhandledExceptions();
        var options = new WebAppOptions(
            store ?? Path.Combine(directory.FullName, "gradelens.duckdb"),
            MaxUploadBytes: maxUploadBytes,
            AutomaticSignIn: automaticSignIn,
            SignInAttemptsPerMinute: signInAttemptsPerMinute,
            Configure: builder =>
            {
                builder.WebHost.UseTestServer();
                builder.Logging.AddProvider(logged);
                configure?.Invoke(builder);
            });
        var app = WebApp.Build(options);
        await app.StartAsync();
        return new GradeLensApplication(directory, app, logged);
    }

    /// <summary>A client that keeps cookies (as a browser does) and sends the antiforgery token with every change, as the pages do.</summary>
    public HttpClient CreateClient() =>
        new(new AntiforgeryHandler { InnerHandler = new CookieContainerHandler { InnerHandler = App.GetTestServer().CreateHandler() } })
        {
            BaseAddress = App.GetTestServer().BaseAddress,
        };

    /// <summary>A client signed in through the sign-in form as <paramref name="user"/>.</summary>
    public async Task<HttpClient> SignInAsync(string user, string password)
    {
        var client = CreateClient();
        using var response = await client.PostAsync(SignInEndpoints.Path, await AntiforgeryHandler.SignInFormAsync(client, user, password));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"{user} could not sign in: {(int)response.StatusCode}");
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GradeLens.Testing.TempFolders.Delete(_directory);
        if (!ExpectsServerErrors && _logged.Errors.Count > 0)
        {
            throw new InvalidOperationException("The app logged errors (a 500 is a bug):\n" + string.Join("\n", _logged.Errors));
        }
    }
}
