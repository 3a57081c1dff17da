using Npgsql;

namespace GradeLens.Core.Storage.Postgres;

/// <summary>
/// A store URL <c>postgres://user[:password]@host[:port]/database[?sslmode=require&amp;...]</c> (or <c>postgresql://</c>)
/// as an Npgsql connection string, and as text safe to print (the password left out).
/// </summary>
public sealed record PostgresUrl(string ConnectionString, string Display)
{
    public static bool IsPostgres(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <exception cref="ArgumentException">Not a PostgreSQL URL, or one without a host or database.</exception>
    public static PostgresUrl Parse(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!IsPostgres(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new ArgumentException($"'{Redact(url)}' is not a PostgreSQL URL; expected postgres://user[:password]@host[:port]/database.", nameof(url));
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
        {
            throw new ArgumentException($"'{Redact(url)}' names no database; expected postgres://user[:password]@host[:port]/database.", nameof(url));
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = database,
        };
        var (user, password) = SplitUserInfo(uri.UserInfo);
        if (user.Length > 0)
        {
            builder.Username = user;
        }

        if (password is not null)
        {
            builder.Password = password;
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(parts[0])] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
        }

        return new PostgresUrl(builder.ConnectionString, Redact(url));
    }

    /// <summary>The URL without its password: postgres://user@host:port/db.</summary>
    public static string Redact(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var at = url.LastIndexOf('@');
        if (scheme < 0 || at < scheme)
        {
            return url;
        }

        var userInfo = url[(scheme + 3)..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? url : url[..(scheme + 3)] + userInfo[..colon] + url[at..];
    }

    private static (string User, string? Password) SplitUserInfo(string userInfo)
    {
        if (userInfo.Length == 0)
        {
            return ("", null);
        }

        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? (Uri.UnescapeDataString(userInfo), null)
            : (Uri.UnescapeDataString(userInfo[..colon]), Uri.UnescapeDataString(userInfo[(colon + 1)..]));
    }
}
