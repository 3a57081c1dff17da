using System.Data.Common;
using System.Security.Cryptography;
using GradeLens.Core.Accounts;

namespace GradeLens.Core.Storage;

/// <summary>
/// The accounts tables of a store (users, user_scopes, api_keys, user_sessions, sign_in_failures, audit_log,
/// pseudonym_keys): the same SQL on DuckDB and PostgreSQL, written with $name parameters that <see cref="StoreSqlDialect"/>
/// spells for the store. Keys, sessions and sign-in failures have their own rows classes (Accounts/*Rows.cs).
/// </summary>
internal sealed class StoreAccounts : IAccountStore
{
    private const string UserColumns =
        "u.user_name, u.role, u.organisation, u.failed_attempts, u.locked_until, u.created_at, u.password_hash, u.security_stamp, u.last_failed_at";

    /// <summary>The tables with a row per user besides users itself: removing a user empties them of theirs.</summary>
    private static readonly string[] UserRowTables = ["user_scopes", "api_keys", "user_sessions", "sign_in_failures"];

    private readonly AccountSql _sql;

    public StoreAccounts(Func<CancellationToken, Task<DbConnection>> open, StoreSqlDialect dialect)
    {
        _sql = new AccountSql(open, dialect);
        Keys = new ApiKeyRows(_sql);
        Sessions = new SessionRows(_sql);
        SignIns = new SignInRows(_sql);
    }

    public ApiKeyRows Keys { get; }

    public SessionRows Sessions { get; }

    public SignInRows SignIns { get; }

    public async Task<IReadOnlyList<UserAccount>> ListUsersAsync(CancellationToken cancellationToken = default) =>
        (await ReadUsersAsync(null, cancellationToken)).Select(u => u.User).ToList();

    public async Task<(UserAccount User, string PasswordHash)?> FindUserAsync(string name, CancellationToken cancellationToken = default)
    {
        var users = await ReadUsersAsync(name, cancellationToken);
        return users.Count == 0 ? null : users[0];
    }

    public Task<bool> AddUserAsync(NewUser user, string passwordHash, string securityStamp, DateTime createdAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _sql.WriteAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await _sql.CountAsync(connection, "SELECT count(*) FROM users WHERE user_name = $name", cancellationToken, ("name", user.Name)) > 0)
            {
                return false;
            }

            await _sql.RunAsync(connection, """
                INSERT INTO users (user_name, role, organisation, password_hash, failed_attempts, locked_until, created_at, security_stamp, last_failed_at)
                VALUES ($name, $role, $organisation, $hash, 0, NULL, $created, $stamp, NULL)
                """, cancellationToken,
                ("name", user.Name), ("role", user.Role.Name()), ("organisation", user.Organisation), ("hash", passwordHash), ("created", createdAt), ("stamp", securityStamp));
            await WriteScopesAsync(connection, user, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<bool> ChangeUserAsync(NewUser user, string securityStamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        return _sql.WriteAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var changed = await _sql.RunAsync(connection, "UPDATE users SET role = $role, organisation = $organisation, security_stamp = $stamp WHERE user_name = $name",
                cancellationToken, ("name", user.Name), ("role", user.Role.Name()), ("organisation", user.Organisation), ("stamp", securityStamp));
            if (changed == 0)
            {
                return false;
            }

            await _sql.RunAsync(connection, "DELETE FROM user_scopes WHERE user_name = $name", cancellationToken, ("name", user.Name));
            await WriteScopesAsync(connection, user, cancellationToken);
            await Sessions.EndAllAsync(connection, user.Name, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    public Task<bool> RemoveUserAsync(string name, CancellationToken cancellationToken = default) =>
        _sql.WriteAsync(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var removed = await _sql.RunAsync(connection, "DELETE FROM users WHERE user_name = $name", cancellationToken, ("name", name));
            foreach (var table in UserRowTables)
            {
                await _sql.RunAsync(connection, $"DELETE FROM {table} WHERE user_name = $name", cancellationToken, ("name", name));
            }

            await transaction.CommitAsync(cancellationToken);
            return removed > 0;
        }, cancellationToken);

    public Task<AccessEnded?> SetPasswordHashAsync(string name, string passwordHash, AccessEnding ending, CancellationToken cancellationToken = default) =>
        EndAsync(name, ending, connection => _sql.RunAsync(connection,
            "UPDATE users SET password_hash = $hash, failed_attempts = 0, last_failed_at = NULL, locked_until = NULL WHERE user_name = $name",
            cancellationToken, ("name", name), ("hash", passwordHash)), cancellationToken);

    public async Task RehashPasswordAsync(string name, string passwordHash, CancellationToken cancellationToken = default) =>
        await _sql.WriteAsync("UPDATE users SET password_hash = $hash WHERE user_name = $name", cancellationToken, ("name", name), ("hash", passwordHash));

    public Task<AccessEnded?> EndAccessAsync(string name, AccessEnding ending, DateTime? lockedUntil, CancellationToken cancellationToken = default) =>
        EndAsync(name, ending, async connection => lockedUntil is null
            ? (int)await _sql.CountAsync(connection, "SELECT count(*) FROM users WHERE user_name = $name", cancellationToken, ("name", name))
            : await _sql.RunAsync(connection, "UPDATE users SET locked_until = $until WHERE user_name = $name", cancellationToken, ("name", name), ("until", lockedUntil)),
            cancellationToken);

    public async Task AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await _sql.WriteAsync("INSERT INTO audit_log VALUES ($at, $user, $action, $detail, $from)", cancellationToken,
            ("at", entry.At), ("user", entry.User), ("action", entry.Action), ("detail", entry.Detail), ("from", entry.RemoteAddress));
    }

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditAsync(int limit, CancellationToken cancellationToken = default) =>
        await _sql.ReadAsync("SELECT happened_at, user_name, action, detail, remote_address FROM audit_log ORDER BY happened_at DESC LIMIT $limit",
            reader => new AuditEntry(reader.GetDateTime(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)),
            cancellationToken, ("limit", limit));

    public async Task<byte[]> PseudonymSecretAsync(string organisation, CancellationToken cancellationToken = default)
    {
        const string find = "SELECT secret FROM pseudonym_keys WHERE organisation = $organisation";
        if ((await _sql.ReadAsync(find, reader => reader.GetString(0), cancellationToken, ("organisation", organisation))).FirstOrDefault() is { } existing)
        {
            return Convert.FromBase64String(existing);
        }

        // Insert-if-absent, then read back: two servers racing keep one secret.
        await _sql.WriteAsync("INSERT INTO pseudonym_keys SELECT $organisation, $secret WHERE NOT EXISTS (SELECT 1 FROM pseudonym_keys WHERE organisation = $organisation)",
            cancellationToken, ("organisation", organisation), ("secret", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        return Convert.FromBase64String((await _sql.ReadAsync(find, reader => reader.GetString(0), cancellationToken, ("organisation", organisation))).First());
    }

    /// <summary>In one transaction: <paramref name="change"/> to the user's row (0 rows: no such user), a new stamp, every session ended, every key revoked.</summary>
    private Task<AccessEnded?> EndAsync(string name, AccessEnding ending, Func<DbConnection, Task<int>> change, CancellationToken cancellationToken) =>
        _sql.WriteAsync<AccessEnded?>(async connection =>
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await change(connection) == 0)
            {
                return null;
            }

            await _sql.RunAsync(connection, "UPDATE users SET security_stamp = $stamp WHERE user_name = $name", cancellationToken, ("name", name), ("stamp", ending.SecurityStamp));
            await SignIns.ForgetAllAsync(connection, name, cancellationToken);
            var sessions = await Sessions.EndAllAsync(connection, name, cancellationToken);
            var keys = await Keys.RevokeAllAsync(connection, name, ending.At, ending.Reason, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new AccessEnded(sessions, keys);
        }, cancellationToken);

    private async Task WriteScopesAsync(DbConnection connection, NewUser user, CancellationToken cancellationToken)
    {
        foreach (var school in user.Schools.Distinct(StringComparer.Ordinal))
        {
            await _sql.RunAsync(connection, "INSERT INTO user_scopes (user_name, kind, value, school) VALUES ($name, 'school', $value, NULL)", cancellationToken,
                ("name", user.Name), ("value", school));
        }

        foreach (var scope in user.Classes.Distinct())
        {
            await _sql.RunAsync(connection, "INSERT INTO user_scopes (user_name, kind, value, school) VALUES ($name, 'class', $value, $school)", cancellationToken,
                ("name", user.Name), ("value", scope.Class), ("school", scope.School));
        }
    }

    private async Task<List<(UserAccount User, string PasswordHash)>> ReadUsersAsync(string? name, CancellationToken cancellationToken)
    {
        const string scopesSql = "SELECT user_name, kind, value, school FROM user_scopes WHERE CAST($name AS TEXT) IS NULL OR user_name = $name ORDER BY school, value";
        var scopes = (await _sql.ReadAsync(scopesSql, reader => (User: reader.GetString(0), Kind: reader.GetString(1), Value: reader.GetString(2), School: AccountSql.NullableText(reader, 3)),
            cancellationToken, ("name", name))).ToLookup(s => (s.User, s.Kind));
        return await _sql.ReadAsync(
            $"SELECT {UserColumns} FROM users u WHERE CAST($name AS TEXT) IS NULL OR u.user_name = $name ORDER BY u.user_name",
            reader =>
            {
                var user = reader.GetString(0);
                var account = new UserAccount(
                    user,
                    Roles.Parse(reader.GetString(1)) ?? throw new InvalidDataException($"User {user} has an unknown role '{reader.GetString(1)}'."),
                    AccountSql.NullableText(reader, 2),
                    scopes[(user, "school")].Select(s => s.Value).ToList(),
                    scopes[(user, "class")].Select(s => new ClassScope(s.School, s.Value)).ToList(),
                    reader.GetInt32(3),
                    AccountSql.NullableTime(reader, 4),
                    reader.GetDateTime(5),
                    AccountSql.NullableText(reader, 7) ?? "",
                    AccountSql.NullableTime(reader, 8));
                return (User: account, PasswordHash: reader.GetString(6));
            },
            cancellationToken, ("name", name));
    }
}
