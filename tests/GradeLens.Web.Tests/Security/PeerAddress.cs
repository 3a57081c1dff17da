using System.Net;
using GradeLens.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GradeLens.Web.Tests.Security;

/// <summary>
/// The test server has no network peer: this sets the connection's remote address from the <see cref="Header"/> a test
/// sends, before anything else of the app runs (as a real socket would), so tests can play a proxy, a stranger and a user.
/// </summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void AddTo(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IStartupFilter, PeerAddress>();
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var peer) && IPAddress.TryParse(peer.ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }

            return following(context);
        });
        next(app);
    };

    /// <summary>A cookie-keeping client (with the antiforgery token, as the pages) whose requests come from <paramref name="peer"/>.</summary>
    public static HttpClient Client(GradeLensApplication app, string peer, params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(Header, peer);
        foreach (var (name, value) in headers)
        {
            client.DefaultRequestHeaders.Add(name, value);
        }

        return client;
    }
}

/// <summary>The app behind reverse proxies (as GRADELENS_TRUSTED_PROXIES lists them), with <see cref="TwoTrusts"/>'s data and users.</summary>
public static class ProxiedApp
{
    public const string Proxy = "10.0.0.1";

    /// <summary>The proxy at <see cref="Proxy"/> and any in 192.168.0.0/16 are trusted; requests come from <see cref="PeerAddress"/>.</summary>
    public static Task<GradeLensApplication> StartAsync(int signInAttemptsPerMinute = 1000) =>
        TwoTrusts.StartAsync(builder =>
        {
            PeerAddress.AddTo(builder);
            builder.Services.AddTrustedProxies($"{Proxy}, 192.168.0.0/16");
        }, signInAttemptsPerMinute);
}
