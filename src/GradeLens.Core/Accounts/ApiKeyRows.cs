using System.Data.Common;

namespace GradeLens.Core.Accounts;

/// <summary>The api_keys table: only a SHA-256 of each key, its public id, label, expiry, last use and revocation.</summary>
public sealed class ApiKeyRows
{
    private const string Columns = "key_id, user_name, label, created_at, expires_at, last_used_at, revoked_at, revoked_reason";

    private readonly AccountSql _sql;

    internal ApiKeyRows(AccountSql sql) => _sql = sql;

    public async Task AddAsync(ApiKey key, string keyHash, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _sql.WriteAsync($"INSERT INTO api_keys (key_hash, {Columns}) VALUES ($hash, $id, $user, $label, $created, $expires, NULL, NULL, NULL)", cancellationToken,
            ("hash", keyHash), ("id", key.Id), ("user", key.User), ("label", key.Label), ("created", key.CreatedAt), ("expires", key.ExpiresAt));
    }

    /// <summary>The key with this hash, whatever its state; null when no key matches.</summary>
    public async Task<ApiKey?> FindAsync(string keyHash, CancellationToken cancellationToken = default) =>
        (await _sql.ReadAsync($"SELECT {Columns} FROM api_keys WHERE key_hash = $hash", Read, cancellationToken, ("hash", keyHash))).FirstOrDefault();

    /// <summary>A user's keys, newest first.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(string user, CancellationToken cancellationToken = default) =>
        await _sql.ReadAsync($"SELECT {Columns} FROM api_keys WHERE user_name = $user ORDER BY created_at DESC, key_id", Read, cancellationToken, ("user", user));

    /// <summary>Revokes one of a user's keys; false when the user has no key with that id, or it was already revoked.</summary>
    public async Task<bool> RevokeAsync(string user, string keyId, DateTime at, string reason, CancellationToken cancellationToken = default) =>
        await _sql.WriteAsync(
            "UPDATE api_keys SET revoked_at = $at, revoked_reason = $reason WHERE user_name = $user AND key_id = $id AND revoked_at IS NULL",
            cancellationToken, ("user", user), ("id", keyId), ("at", at), ("reason", reason)) > 0;

    /// <summary>Notes a use of the key, at most once a minute (so a busy script does not write on every request).</summary>
    public async Task TouchAsync(ApiKey key, DateTime at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.LastUsedAt is { } last && at - last < TimeSpan.FromMinutes(1))
        {
            return;
        }

        await _sql.WriteAsync("UPDATE api_keys SET last_used_at = $at WHERE key_id = $id AND user_name = $user", cancellationToken,
            ("at", at), ("id", key.Id), ("user", key.User));
    }

    /// <summary>Revokes every active key of a user, on the caller's connection (inside its transaction); how many.</summary>
    internal Task<int> RevokeAllAsync(DbConnection connection, string user, DateTime at, string reason, CancellationToken cancellationToken) =>
        _sql.RunAsync(connection, "UPDATE api_keys SET revoked_at = $at, revoked_reason = $reason WHERE user_name = $user AND revoked_at IS NULL",
            cancellationToken, ("user", user), ("at", at), ("reason", reason));

    // key_id and expires_at are always written (nullable only for the upgrade's sake): a missing expiry reads as expired.
    private static ApiKey Read(DbDataReader reader) => new(
        AccountSql.NullableText(reader, 0) ?? "", reader.GetString(1), reader.GetString(2), reader.GetDateTime(3), AccountSql.NullableTime(reader, 4) ?? DateTime.MinValue,
        AccountSql.NullableTime(reader, 5), AccountSql.NullableTime(reader, 6), AccountSql.NullableText(reader, 7));
}
