using System.Data.Common;

namespace GradeLens.Core.Accounts;

/// <summary>The user_sessions table: a row per signed-in browser session, deleted when it ends.</summary>
public sealed class SessionRows
{
    private const string Columns = "session_id, user_name, created_at, last_seen_at, remote_address";

    private readonly AccountSql _sql;

    internal SessionRows(AccountSql sql) => _sql = sql;

    public async Task AddAsync(UserSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        await _sql.WriteAsync($"INSERT INTO user_sessions ({Columns}) VALUES ($id, $user, $created, $seen, $from)", cancellationToken,
            ("id", session.Id), ("user", session.User), ("created", session.CreatedAt), ("seen", session.LastSeenAt), ("from", session.RemoteAddress));
    }

    /// <summary>The session; null when it ended (or never was).</summary>
    public async Task<UserSession?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await _sql.ReadAsync($"SELECT {Columns} FROM user_sessions WHERE session_id = $id", Read, cancellationToken, ("id", id))).FirstOrDefault();

    /// <summary>A user's sessions, newest first.</summary>
    public async Task<IReadOnlyList<UserSession>> ListAsync(string user, CancellationToken cancellationToken = default) =>
        await _sql.ReadAsync($"SELECT {Columns} FROM user_sessions WHERE user_name = $user ORDER BY created_at DESC", Read, cancellationToken, ("user", user));

    /// <summary>Notes that the session is in use, at most every five minutes (it only has to beat the idle limit).</summary>
    public async Task TouchAsync(UserSession session, DateTime at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (at - session.LastSeenAt >= TimeSpan.FromMinutes(5))
        {
            await _sql.WriteAsync("UPDATE user_sessions SET last_seen_at = $at WHERE session_id = $id", cancellationToken, ("at", at), ("id", session.Id));
        }
    }

    /// <summary>Ends one session (sign-out); false when it had already ended.</summary>
    public async Task<bool> EndAsync(string id, CancellationToken cancellationToken = default) =>
        await _sql.WriteAsync("DELETE FROM user_sessions WHERE session_id = $id", cancellationToken, ("id", id)) > 0;

    /// <summary>Deletes every session last seen before <paramref name="cutoff"/>: they can no longer be used.</summary>
    public Task<int> ForgetIdleAsync(DateTime cutoff, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync("DELETE FROM user_sessions WHERE last_seen_at < $cutoff", cancellationToken, ("cutoff", cutoff));

    /// <summary>Ends every session of a user, on the caller's connection (inside its transaction); how many.</summary>
    internal Task<int> EndAllAsync(DbConnection connection, string user, CancellationToken cancellationToken) =>
        _sql.RunAsync(connection, "DELETE FROM user_sessions WHERE user_name = $user", cancellationToken, ("user", user));

    private static UserSession Read(DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2), reader.GetDateTime(3), reader.GetString(4));
}
