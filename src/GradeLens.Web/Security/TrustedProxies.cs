using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace GradeLens.Web.Security;

/// <summary>
/// Behind a reverse proxy (TLS ends there), the client's address and scheme arrive in X-Forwarded-For and X-Forwarded-Proto.
/// They are believed only from the proxies named in <see cref="Variable"/> (addresses or networks, comma-separated): from
/// anyone else they are ignored, so nobody can pick the address the sign-in limits and the audit log see. With them, the
/// rate limits and lock-outs count the real client, the audit log names it, and cookies are Secure when the client used https.
/// </summary>
public static class TrustedProxies
{
    public const string Variable = "GRADELENS_TRUSTED_PROXIES";

    /// <summary>"10.0.0.5, 192.168.0.0/16, ::1" as networks (an address is a network of one); empty for null or blank.</summary>
    /// <exception cref="ArgumentException">An entry is neither an address nor a network: one sentence naming it.</exception>
    public static IReadOnlyList<IPNetwork> Parse(string? proxies)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in (proxies ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.GetAddressBytes().Length * 8));
            }
            else
            {
                throw new ArgumentException($"{Variable} holds \"{entry}\", which is neither an address (10.0.0.5) nor a network (10.0.0.0/8); list the reverse proxies in front of GradeLens, comma-separated.");
            }
        }

        return networks;
    }

    /// <summary>Honours the forwarded headers from <paramref name="proxies"/> only (no other source, not even this computer, unless listed).</summary>
    public static void AddTrustedProxies(this IServiceCollection services, string? proxies)
    {
        var networks = Parse(proxies);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }

            // Through a chain of listed proxies to the first address that is not one: the client.
            o.ForwardLimit = null;
        });
    }

    /// <summary>First in the pipeline: every later step sees the client's address and scheme. Nothing is believed when no proxy is listed.</summary>
    public static void UseTrustedProxies(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownIPNetworks.Count > 0 || options.KnownProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }
    }

    /// <summary>The client's address as the sign-in limits, the lock-outs and the audit log see it ("local" without one).</summary>
    public static string ClientAddress(this HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress is { } address
            ? (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString()
            : "local";
    }
}
